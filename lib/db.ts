import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import { env, isProduction } from "@/lib/env";
import { isPostgresUrl, sqlitePath } from "@/prisma/database-url.mjs";

// Prisma clients are provider-specific; both are generated from one schema, so they expose the
// same models and the PostgreSQL one can stand in for the SQLite one's type.
function createPrismaClient(url = env().DATABASE_URL): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE });
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  // busy timeout: wait for another writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: sqlitePath(url), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process; dev reloads would otherwise open a new connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient();

if (!isProduction()) globalForPrisma.prisma = db;
