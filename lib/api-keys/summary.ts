import { Prisma } from "@/lib/generated/prisma/client";
import { storedScopesSchema, type Access, type Scopes, type StoredPermissions } from "./permissions";

// What the app may know about a key: everything but its hash (and never the secret).
export type ApiKeySummary = {
  id: string;
  name: string;
  display: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  access: Access;
  scopes: Scopes | null;
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

// Prisma types the scopes column as any JSON; the app reads it typed through one schema.
export function withStoredScopes<Row extends { scopes: unknown }>(row: Row): Omit<Row, "scopes"> & { scopes: Scopes | null } {
  return { ...row, scopes: storedScopesSchema.parse(row.scopes) };
}

// The columns that store a key's permissions. Prisma takes no plain null for a Json column:
// DbNull stores SQL NULL.
export function permissionColumns({ access, scopes }: StoredPermissions) {
  return { access, scopes: scopes ?? Prisma.DbNull };
}
