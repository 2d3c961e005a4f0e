import Database from "better-sqlite3";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiKeyAccess } from "@/lib/generated/prisma/enums";
import { isPostgresUrl, sqlitePath } from "@/prisma/database-url.mjs";
import { storedScopesSchema } from "./permissions";
import { summaryFields, withStoredScopes, type ApiKeySummary } from "./summary";

export type StoredKey = ApiKeySummary & { revokedAt: Date | null; user: { id: string; email: string; name: string } };

// A row of the lookup read without Prisma: times as ISO text, the access enum as text and the
// scopes Json column as its JSON text (on PostgreSQL, select "scopes"::text to get the same).
type RawKeyRow = {
  id: string;
  name: string;
  display: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  access: string;
  scopes: string | null;
  rolledToId: string | null;
  revokedAt: string | null;
  accountId: string;
  userEmail: string;
  userName: string;
};

const SQLITE_LOOKUP = `
  SELECT k.id, k.name, k.display, k.createdAt, k.expiresAt, k.lastUsedAt, k.access, k.scopes, k.rolledToId, k.revokedAt,
         u.id AS accountId, u.email AS userEmail, u.name AS userName
  FROM "ApiKey" k JOIN "User" u ON u.id = k."userId"
  WHERE k.hash = ?`;

const date = (value: string | null) => (value === null ? null : new Date(value));
const accessSchema = z.enum(ApiKeyAccess);

// The one mapping from a raw row to a stored key, typed through the same schemas as Prisma reads.
function storedKeyOf(row: RawKeyRow): StoredKey {
  return {
    id: row.id,
    name: row.name,
    display: row.display,
    createdAt: new Date(row.createdAt),
    expiresAt: date(row.expiresAt),
    lastUsedAt: date(row.lastUsedAt),
    access: accessSchema.parse(row.access),
    scopes: storedScopesSchema.parse(row.scopes === null ? null : JSON.parse(row.scopes)),
    rolledToId: row.rolledToId,
    revokedAt: date(row.revokedAt),
    user: { id: row.accountId, email: row.userEmail, name: row.userName },
  };
}

// Every API request runs this lookup. On SQLite a prepared statement on a read-only connection
// costs about half of what a Prisma query does (measured by `npm run bench`); WAL mode lets it
// see every committed change at once, so a deleted key still fails on the very next request.
// Other engines go through Prisma.
function sqliteLookup(file: string) {
  let statement: Database.Statement<[string], RawKeyRow> | undefined;
  return async (hash: string): Promise<StoredKey | null> => {
    statement ??= new Database(file, { readonly: true, fileMustExist: true }).prepare<[string], RawKeyRow>(SQLITE_LOOKUP);
    const row = statement.get(hash);
    return row ? storedKeyOf(row) : null;
  };
}

async function prismaLookup(hash: string): Promise<StoredKey | null> {
  const row = await db.apiKey.findUnique({
    where: { hash },
    select: { ...summaryFields, revokedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return row && withStoredScopes(row);
}

const url = env().DATABASE_URL;

// An object, so tests can count the lookups a verification makes.
export const keyStore = { findByHash: isPostgresUrl(url) ? prismaLookup : sqliteLookup(sqlitePath(url)) };
