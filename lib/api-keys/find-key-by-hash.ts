import Database from "better-sqlite3";
import type pg from "pg";
import { z } from "zod";
import { postgresPool } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiKeyAccess } from "@/lib/generated/prisma/enums";
import { sqlitePath } from "@/prisma/database-url.mjs";
import { allowlistOfText, type Allowlist } from "./allowed-ips";
import { storedScopesSchema } from "./permissions";
import type { ApiKeySummary } from "./summary";

export type StoredKey = ApiKeySummary & { revokedAt: Date | null; allowlist: Allowlist; user: { id: string; email: string; name: string } };

// A row of the lookup read without Prisma: the access enum as text and the scopes and allowlist
// Json columns as their JSON text (both engines select it as text); SQLite gives times as text, pg as Date objects.
type RawKeyRow = {
  id: string;
  name: string;
  display: string;
  createdAt: string | Date;
  expiresAt: string | Date | null;
  lastUsedAt: string | Date | null;
  access: string;
  scopes: string | null;
  rolledToId: string | null;
  allowedIps: string | null;
  revokedAt: string | Date | null;
  accountId: string;
  userEmail: string;
  userName: string;
};

const SQLITE_LOOKUP = `
  SELECT k.id, k.name, k.display, k.createdAt, k.expiresAt, k.lastUsedAt, k.access, k.scopes, k.rolledToId, k.allowedIps, k.revokedAt,
         u.id AS accountId, u.email AS userEmail, u.name AS userName
  FROM "ApiKey" k JOIN "User" u ON u.id = k."userId"
  WHERE k.hash = ?`;

// The columns are "timestamp without time zone" holding UTC (as Prisma writes them); AT TIME ZONE
// 'UTC' makes them timestamptz, which pg turns into the right Date whatever the server's zone.
const POSTGRES_LOOKUP = `
  SELECT k.id, k.name, k.display, k."createdAt" AT TIME ZONE 'UTC' AS "createdAt", k."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
         k."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", k.access::text AS access, k.scopes::text AS scopes, k."rolledToId",
         k."allowedIps"::text AS "allowedIps",
         k."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt", u.id AS "accountId", u.email AS "userEmail", u.name AS "userName"
  FROM "ApiKey" k JOIN "User" u ON u.id = k."userId"
  WHERE k.hash = $1`;

const date = (value: string | Date | null) => (value === null ? null : new Date(value));
const accessSchema = z.enum(ApiKeyAccess);

// Text that is not JSON reads as a damaged value, which storedScopesSchema turns into no access
// (as the Prisma path does), instead of failing the request.
function jsonOrDamaged(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// The one mapping from a raw row to a stored key, typed through the same schemas as Prisma reads.
function storedKeyOf(row: RawKeyRow): StoredKey {
  const allowlist = allowlistOfText(row.allowedIps);
  return {
    id: row.id,
    name: row.name,
    display: row.display,
    createdAt: new Date(row.createdAt),
    expiresAt: date(row.expiresAt),
    lastUsedAt: date(row.lastUsedAt),
    access: accessSchema.parse(row.access),
    scopes: storedScopesSchema.parse(row.scopes === null ? null : jsonOrDamaged(row.scopes)),
    rolledToId: row.rolledToId,
    allowedIps: allowlist.entries,
    allowlist,
    revokedAt: date(row.revokedAt),
    user: { id: row.accountId, email: row.userEmail, name: row.userName },
  };
}

// Every API request runs this lookup, so it skips Prisma's query compilation and result mapping
// (which cost more than the query itself). Nothing is cached: every request reads the row as
// committed, on every instance, so a deleted key fails on the very next request.
// SQLite: a prepared statement on a read-only connection; WAL mode shows it every commit at once.
function sqliteLookup(file: string) {
  let statement: Database.Statement<[string], RawKeyRow> | undefined;
  return async (hash: string): Promise<StoredKey | null> => {
    statement ??= new Database(file, { readonly: true, fileMustExist: true }).prepare<[string], RawKeyRow>(SQLITE_LOOKUP);
    const row = statement.get(hash);
    return row ? storedKeyOf(row) : null;
  };
}

// PostgreSQL: a named prepared statement on the shared pg pool; each connection parses and plans
// it once, then every request is one Bind/Execute round trip.
function postgresLookup(pool: pg.Pool) {
  return async (hash: string): Promise<StoredKey | null> => {
    const { rows } = await pool.query<RawKeyRow>({ name: "find-api-key-by-hash", text: POSTGRES_LOOKUP, values: [hash] });
    return rows[0] ? storedKeyOf(rows[0]) : null;
  };
}

// An object, so tests can count the lookups a verification makes.
export const keyStore = { findByHash: postgresPool ? postgresLookup(postgresPool) : sqliteLookup(sqlitePath(env().DATABASE_URL)) };
