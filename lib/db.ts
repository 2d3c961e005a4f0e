import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import { env } from "@/lib/env";
import { isPostgresUrl, sqlitePath } from "@/prisma/database-url.mjs";

// One connection pool per process on PostgreSQL, shared by Prisma and the few hot queries that
// go to pg directly (the API-key lookup), so an instance holds DATABASE_POOL_SIZE connections at most.
function createPostgresPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_SIZE });
}

// Prisma clients are provider-specific; both are generated from one schema, so they expose the
// same models and the PostgreSQL one can stand in for the SQLite one's type.
function createPrismaClient(url: string, pool: pg.Pool | undefined): PrismaClient {
  if (pool) {
    const adapter = new PrismaPg(pool);
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // busy timeout: wait for another writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: sqlitePath(url), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One pool and one client per process: Next.js bundles route handlers, server actions and
// instrumentation separately, each with its own copy of this module, and dev reloads re-run it.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; postgresPool?: pg.Pool };

const url = env().DATABASE_URL;

// Undefined on SQLite.
export const postgresPool: pg.Pool | undefined = isPostgresUrl(url) ? (globalForPrisma.postgresPool ??= createPostgresPool(url)) : undefined;

export const db = (globalForPrisma.prisma ??= createPrismaClient(url, postgresPool));
