import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, sqlitePath } from "@/prisma/database-url.mjs";

function createPrismaClient() {
  // busy timeout: wait for another writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: sqlitePath(databaseUrl()), timeout: 5000 });
  return new PrismaClient({ adapter });
}

// One client per process; dev reloads would otherwise open a new connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db = globalForPrisma.prisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
