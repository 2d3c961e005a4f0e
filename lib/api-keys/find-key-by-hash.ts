import Database from "better-sqlite3";
import type pg from "pg";
import { postgresPool } from "@/lib/db";
import { databaseUrl, sqlitePath } from "@/prisma/database-url.mjs";
import type { ApiKeySummary } from "./summary";

export type StoredKey = ApiKeySummary & { revokedAt: Date | null; user: { id: string; email: string; name: string } };

// What both raw lookups select; SQLite gives times as text, pg as Date objects.
type KeyRow = {
  id: string;
  name: string;
  display: string;
  createdAt: string | Date;
  expiresAt: string | Date | null;
  lastUsedAt: string | Date | null;
  access: string;
  scopes: string | null;
  rolledToId: string | null;
  revokedAt: string | Date | null;
  accountId: string;
  userEmail: string;
  userName: string;
};

const SQLITE_LOOKUP = `
  SELECT k.id, k.name, k.display, k.createdAt, k.expiresAt, k.lastUsedAt, k.access, k.scopes, k.rolledToId, k.revokedAt,
         u.id AS accountId, u.email AS userEmail, u.name AS userName
  FROM "ApiKey" k JOIN "User" u ON u.id = k."userId"
  WHERE k.hash = ?`;

const date = (value: string | Date | null) => (value === null ? null : new Date(value));

function toStoredKey(row: KeyRow): StoredKey {
  return {
    id: row.id,
    name: row.name,
    display: row.display,
    createdAt: new Date(row.createdAt),
    expiresAt: date(row.expiresAt),
    lastUsedAt: date(row.lastUsedAt),
    access: row.access,
    scopes: row.scopes,
    rolledToId: row.rolledToId,
    revokedAt: date(row.revokedAt),
    user: { id: row.accountId, email: row.userEmail, name: row.userName },
  };
}

// Every API request runs this lookup. On SQLite a prepared statement on a read-only connection
// costs about half of what a Prisma query does (measured by `npm run bench`); WAL mode lets it
// see every committed change at once, so a deleted key still fails on the very next request.
function sqliteLookup(file: string) {
  let statement: Database.Statement<[string], KeyRow> | undefined;
  return async (hash: string): Promise<StoredKey | null> => {
    statement ??= new Database(file, { readonly: true, fileMustExist: true }).prepare<[string], KeyRow>(SQLITE_LOOKUP);
    const row = statement.get(hash);
    return row ? toStoredKey(row) : null;
  };
}

// The columns are "timestamp without time zone" holding UTC (as Prisma writes them); AT TIME ZONE
// 'UTC' makes them timestamptz, which pg turns into the right Date whatever the server's zone.
const POSTGRES_LOOKUP = `
  SELECT k.id, k.name, k.display, k."createdAt" AT TIME ZONE 'UTC' AS "createdAt", k."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
         k."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", k.access, k.scopes, k."rolledToId", k."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt",
         u.id AS "accountId", u.email AS "userEmail", u.name AS "userName"
  FROM "ApiKey" k JOIN "User" u ON u.id = k."userId"
  WHERE k.hash = $1`;

// On PostgreSQL the same lookup is a named prepared statement on the shared pg pool: each
// connection parses and plans it once, then every request is one Bind/Execute round trip, without
// Prisma's query compilation and result mapping (which cost more than the query itself). Nothing
// is cached: every request reads the row as committed, on every instance.
function postgresLookup(pool: pg.Pool) {
  return async (hash: string): Promise<StoredKey | null> => {
    const { rows } = await pool.query<KeyRow>({ name: "find-api-key-by-hash", text: POSTGRES_LOOKUP, values: [hash] });
    return rows[0] ? toStoredKey(rows[0]) : null;
  };
}

const url = databaseUrl();

// An object, so tests can count the lookups a verification makes.
export const keyStore = { findByHash: postgresPool ? postgresLookup(postgresPool) : sqliteLookup(sqlitePath(url)) };
