import { db } from "@/lib/db";
import { startIntervalWorker } from "@/lib/workers/interval-worker";
import { env } from "@/lib/env";
import { isPostgresUrl } from "@/prisma/database-url.mjs";
import { allRateLimiters } from "./rate-limit";

// Adds every limiter's local counts to the shared table and learns each bucket's total across
// instances. One upsert per active bucket per sync, whatever the request rate.
export async function syncRateLimits(): Promise<number> {
  const pending = allRateLimiters().flatMap((limiter) => limiter.takePending());
  for (const { limiter, bucket, start, count } of pending) {
    const key = { bucket: `${limiter.name}:${bucket}`, windowStart: new Date(start) };
    const row = await db.rateLimitWindow.upsert({
      where: { bucket_windowStart: key },
      // A refund alone (negative) never creates a negative row.
      create: { ...key, count: Math.max(0, count) },
      update: { count: { increment: count } },
      select: { count: true },
    });
    limiter.learnShared(bucket, start, row.count);
  }
  return pending.length;
}

// Windows are at most 15 minutes long; anything older than an hour is finished.
export async function deleteFinishedRateLimitWindows(now = Date.now()) {
  await db.rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now - 60 * 60 * 1000) } } });
}

const SYNC_MS = 200;

// Only where several instances can share a database (PostgreSQL); SQLite serves one process.
export function startRateLimitSync() {
  if (!isPostgresUrl(env().DATABASE_URL)) return;
  startIntervalWorker("rate limit sync", SYNC_MS, syncRateLimits);
  startIntervalWorker("rate limit cleanup", 60_000, deleteFinishedRateLimitWindows);
}
