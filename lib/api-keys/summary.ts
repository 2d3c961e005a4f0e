import { Prisma } from "@/lib/generated/prisma/client";
import { allowlistOf } from "./allowed-ips";
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
  // The addresses and CIDR ranges it may be used from, normalized; empty means any address.
  allowedIps: readonly string[];
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
  allowedIps: true,
} as const;

// Prisma types the scopes and allowlist columns as any JSON; the app reads them typed through one schema each.
export function withStoredScopes<Row extends { scopes: unknown; allowedIps: unknown }>(
  row: Row,
): Omit<Row, "scopes" | "allowedIps"> & { scopes: Scopes | null; allowedIps: readonly string[] } {
  return { ...row, scopes: storedScopesSchema.parse(row.scopes), allowedIps: allowlistOf(row.allowedIps).entries };
}

// The columns that store a key's permissions. Prisma takes no plain null for a Json column:
// DbNull stores SQL NULL.
export function permissionColumns({ access, scopes }: StoredPermissions) {
  return { access, scopes: scopes ?? Prisma.DbNull };
}

// No allowlist is stored as SQL NULL, like no scopes.
export function allowedIpsColumn(allowedIps: readonly string[]) {
  return allowedIps.length > 0 ? [...allowedIps] : Prisma.DbNull;
}
