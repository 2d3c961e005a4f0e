import { env } from "@/lib/env";
import { logger } from "@/lib/logging/logger";
import { startIntervalWorker } from "@/lib/workers/interval-worker";
import { RETENTION_RULES } from "./retention-rules";

// Small batches keep each delete short, so SQLite's single writer (and PostgreSQL row locks)
// are never held long enough to stall requests; a run stops after MAX_BATCHES and the next
// run goes on.
const BATCH = 500;
const MAX_BATCHES = 40;

// Deletes by id what it found expired: if several instances purge at once, a row one of them
// already deleted simply counts zero for the other, so no lock is needed.
export async function purgeExpiredRows(now = new Date()): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const rule of RETENTION_RULES) {
    const table = rule.table();
    deleted[rule.name] = 0;
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const ids = (await table.findMany({ where: rule.expired(now), select: { id: true }, take: BATCH })).map((row) => row.id);
      if (ids.length === 0) break;
      deleted[rule.name] += (await table.deleteMany({ where: { id: { in: ids } } })).count;
      if (ids.length < BATCH) break;
    }
  }
  return deleted;
}

const purgeIntervalMs = () => env().RETENTION_PURGE_INTERVAL_SECONDS * 1000;

// Runs in every server process (every 10 minutes unless RETENTION_PURGE_INTERVAL_SECONDS says).
export function startRetentionPurge() {
  startIntervalWorker("retention purge", purgeIntervalMs(), async () => {
    const deleted = await purgeExpiredRows();
    const total = Object.values(deleted).reduce((sum, count) => sum + count, 0);
    if (total > 0) logger.info({ deleted }, "retention purge deleted expired rows");
  });
}
