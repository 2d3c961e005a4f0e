// What the app may know about a key: everything but its hash (and never the secret).
export type ApiKeySummary = {
  id: string;
  name: string;
  display: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  access: string;
  scopes: string | null;
  // Set once the key was rolled: it works until its grace ends, then stops.
  rolledToId: string | null;
};

export const summaryFields = {
  id: true,
  name: true,
  display: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  access: true,
  scopes: true,
  rolledToId: true,
} as const;
