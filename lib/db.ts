import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
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

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

// Prisma's SQLite adapter keeps the one better-sqlite3 connection Prisma uses; it is captured when
// Prisma connects, so inSqliteTransaction can write on that connection under the adapter's lock.
class CapturingSqliteAdapter extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqliteAdapter> {
    const adapter = await super.connect();
    globalForPrisma.sqliteAdapter = adapter;
    return adapter;
  }
}

// Prisma clients are provider-specific; both are generated from one schema, so they expose the
// same models and the PostgreSQL one can stand in for the SQLite one's type.
function createPrismaClient(url: string, pool: pg.Pool | undefined): PrismaClient {
  if (pool) {
    const adapter = new PrismaPg(pool);
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // busy timeout: wait for another writer instead of failing with SQLITE_BUSY.
  const adapter = new CapturingSqliteAdapter({ url: sqlitePath(url), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One pool and one client per process: Next.js bundles route handlers, server actions and
// instrumentation separately, each with its own copy of this module, and dev reloads re-run it.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; postgresPool?: pg.Pool; sqliteAdapter?: SqliteAdapter };

const url = env().DATABASE_URL;

// Undefined on SQLite.
export const postgresPool: pg.Pool | undefined = isPostgresUrl(url) ? (globalForPrisma.postgresPool ??= createPostgresPool(url)) : undefined;

export const db = (globalForPrisma.prisma ??= createPrismaClient(url, postgresPool));

// Runs `work` synchronously inside one transaction on Prisma's own SQLite connection, for hot
// writes that skip Prisma's per-query cost (lib/calls/call-store.ts). A second connection would
// be a second writer: its synchronous busy wait would block the event loop while a Prisma
// transaction, paused between two awaits, holds the write lock. Here the adapter's lock is taken
// first (startTransaction waits for any Prisma transaction to finish, then runs BEGIN), so the work
// never joins a Prisma transaction, and the adapter's COMMIT/ROLLBACK are issued here because its
// Transaction.commit() only releases the lock (Prisma sends those statements itself).
export async function inSqliteTransaction<T>(work: (connection: Database.Database) => T): Promise<T> {
  if (!globalForPrisma.sqliteAdapter) await db.$connect();
  const adapter = globalForPrisma.sqliteAdapter;
  // `client` is the adapter's better-sqlite3 Database (@prisma/adapter-better-sqlite3, not in its types).
  const connection = (adapter as unknown as { client?: Database.Database } | undefined)?.client;
  if (!adapter || typeof connection?.prepare !== "function") throw new Error("Prisma's SQLite connection is not available.");
  const transaction = await adapter.startTransaction();
  try {
    const result = work(connection);
    connection.prepare("COMMIT").run();
    return result;
  } catch (error) {
    if (connection.inTransaction) connection.prepare("ROLLBACK").run();
    throw error;
  } finally {
    await transaction.commit();
  }
}
