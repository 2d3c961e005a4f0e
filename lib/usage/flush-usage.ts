import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logging/logger";
import { startIntervalWorker } from "@/lib/workers/interval-worker";
import { restorePendingUsage, takePendingUsage, type KeyHourUsage, type LastUse, type PendingUsage } from "./usage-buffer";

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const LOG_BATCH = 500;

// Adds one key-hour's counts to the stored ones in a single statement: the database does the
// addition under the row's lock, so flushes from several instances add up instead of one
// overwriting another (no read-modify-write). Same SQL on SQLite and PostgreSQL.
function addUsage(tx: Transaction, row: KeyHourUsage) {
  return tx.$executeRaw`
    INSERT INTO "ApiKeyUsage" ("apiKeyId", "accountId", "hour", "count2xx", "count4xx", "count5xx", "latencyMsSum", "latencyMsMax")
    VALUES (${row.apiKeyId}, ${row.accountId}, ${row.hour}, ${row.count2xx}, ${row.count4xx}, ${row.count5xx}, ${row.latencyMsSum}, ${row.latencyMsMax})
    ON CONFLICT ("apiKeyId", "hour") DO UPDATE SET
      "count2xx" = "ApiKeyUsage"."count2xx" + excluded."count2xx",
      "count4xx" = "ApiKeyUsage"."count4xx" + excluded."count4xx",
      "count5xx" = "ApiKeyUsage"."count5xx" + excluded."count5xx",
      "latencyMsSum" = "ApiKeyUsage"."latencyMsSum" + excluded."latencyMsSum",
      "latencyMsMax" = CASE WHEN excluded."latencyMsMax" > "ApiKeyUsage"."latencyMsMax" THEN excluded."latencyMsMax" ELSE "ApiKeyUsage"."latencyMsMax" END`;
}

// Only moves forward: another instance's flush that saw a later request is never undone.
function recordLastUse(tx: Transaction, use: LastUse) {
  return tx.apiKey.updateMany({
    where: { id: use.apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: use.at } }] },
    data: { lastUsedAt: use.at, lastUsedIp: use.ip, lastUsedUserAgent: use.userAgent },
  });
}

export async function writePendingUsage(client: PrismaClient, pending: PendingUsage) {
  // Rows are locked in one order (key, then hour) by every instance, so two flushes that touch
  // the same keys wait for each other instead of deadlocking.
  const usage = [...pending.usage].sort((a, b) => a.apiKeyId.localeCompare(b.apiKeyId) || a.hour.getTime() - b.hour.getTime());
  const lastUses = [...pending.lastUses].sort((a, b) => a.apiKeyId.localeCompare(b.apiKeyId));
  await client.$transaction(
    async (tx) => {
      for (const row of usage) await addUsage(tx, row);
      for (const use of lastUses) await recordLastUse(tx, use);
      for (let start = 0; start < pending.log.length; start += LOG_BATCH) {
        await tx.requestLog.createMany({ data: pending.log.slice(start, start + LOG_BATCH) });
      }
    },
    { timeout: 60_000 },
  );
}

// Writes what this instance gathered since the last flush, all in one transaction; if it fails
// nothing was written and everything goes back into the buffer for the next flush.
export async function flushUsage(client: PrismaClient = db): Promise<{ keyHours: number; logRows: number }> {
  const pending = takePendingUsage();
  if (pending.dropped > 0) logger.warn({ dropped: pending.dropped }, "usage buffer was full: dropped the oldest request log rows or counts");
  if (pending.usage.length === 0 && pending.log.length === 0) return { keyHours: 0, logRows: 0 };
  try {
    await writePendingUsage(client, pending);
  } catch (error) {
    restorePendingUsage({ ...pending, dropped: 0 });
    throw error;
  }
  return { keyHours: pending.usage.length, logRows: pending.log.length };
}

// Every instance flushes its own buffer (every USAGE_FLUSH_INTERVAL_SECONDS, 2 by default), and
// once more when the server stops (scripts/server.mjs runs the shutdown hook).
export function startUsageFlush() {
  startIntervalWorker("usage flush", env().USAGE_FLUSH_INTERVAL_SECONDS * 1000, () => flushUsage());
  onShutdown(() => flushUsage());
}

// scripts/server.mjs awaits these (briefly) before the process exits on SIGTERM or SIGINT.
const SHUTDOWN_HOOKS = Symbol.for("switchboard.shutdownHooks");

function onShutdown(hook: () => Promise<unknown>) {
  const shared = globalThis as unknown as Record<symbol, (() => Promise<unknown>)[] | undefined>;
  (shared[SHUTDOWN_HOOKS] ??= []).push(hook);
}
