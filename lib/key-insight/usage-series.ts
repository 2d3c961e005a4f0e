import { db } from "@/lib/db";
import { bucketStarts, DAY_MS, HOUR_MS, USAGE_RANGES, type UsageRange } from "./usage-ranges";

export type UsageCounts = { count2xx: number; count4xx: number; count5xx: number };

export type UsageBucket = UsageCounts & { start: Date; latencyMsSum: number; latencyMsMax: number };

export type UsageSeries = {
  range: UsageRange;
  buckets: UsageBucket[];
  totals: UsageCounts & { requests: number; errorRate: number | null; averageLatencyMs: number | null; latencyMsMax: number };
};

const emptyBucket = (start: Date): UsageBucket => ({ start, count2xx: 0, count4xx: 0, count5xx: 0, latencyMsSum: 0, latencyMsMax: 0 });

export const requestsIn = (counts: UsageCounts) => counts.count2xx + counts.count4xx + counts.count5xx;

// Errors are every answer that was not a success (4xx and 5xx): from the owner's side a refused
// request is as broken as a failed one. Null when there were no requests (no rate to speak of).
export function errorRate(counts: UsageCounts): number | null {
  const requests = requestsIn(counts);
  return requests === 0 ? null : (counts.count4xx + counts.count5xx) / requests;
}

// Index of the bucket an hourly row belongs to, or -1 outside the range.
function bucketIndex(starts: Date[], stepMs: number, hour: Date): number {
  const index = Math.floor((hour.getTime() - starts[0].getTime()) / stepMs);
  return index >= 0 && index < starts.length ? index : -1;
}

type UsageRow = UsageCounts & { hour: Date; latencyMsSum: number; latencyMsMax: number };

// Folds hourly rows into the range's buckets (hours outside it are left out, missing ones count
// as zero) and sums them up. Shared by a key's chart and the account-wide one on the overview.
export function usageSeriesFromRows(range: UsageRange, rows: readonly UsageRow[], now: Date): UsageSeries {
  const starts = bucketStarts(range, now);
  const stepMs = USAGE_RANGES[range].unit === "hour" ? HOUR_MS : DAY_MS;
  const buckets = starts.map(emptyBucket);
  for (const row of rows) {
    const index = bucketIndex(starts, stepMs, row.hour);
    if (index < 0) continue;
    const bucket = buckets[index];
    bucket.count2xx += row.count2xx;
    bucket.count4xx += row.count4xx;
    bucket.count5xx += row.count5xx;
    bucket.latencyMsSum += row.latencyMsSum;
    bucket.latencyMsMax = Math.max(bucket.latencyMsMax, row.latencyMsMax);
  }
  const sum = (pick: (bucket: UsageBucket) => number) => buckets.reduce((total, bucket) => total + pick(bucket), 0);
  const counts = { count2xx: sum((b) => b.count2xx), count4xx: sum((b) => b.count4xx), count5xx: sum((b) => b.count5xx) };
  const requests = requestsIn(counts);
  return {
    range,
    buckets,
    totals: {
      ...counts,
      requests,
      errorRate: errorRate(counts),
      averageLatencyMs: requests === 0 ? null : sum((b) => b.latencyMsSum) / requests,
      latencyMsMax: Math.max(0, ...buckets.map((b) => b.latencyMsMax)),
    },
  };
}

// One key's requests by status class for the range: hourly for 24 hours, per UTC day otherwise.
// Scoped by owner, so another account's key id reads as no usage. Missing hours count as zero.
export async function usageSeries(accountId: string, apiKeyId: string, range: UsageRange, now = new Date()): Promise<UsageSeries> {
  const rows = await db.apiKeyUsage.findMany({
    where: { apiKeyId, accountId, hour: { gte: bucketStarts(range, now)[0] } },
    select: { hour: true, count2xx: true, count4xx: true, count5xx: true, latencyMsSum: true, latencyMsMax: true },
  });
  return usageSeriesFromRows(range, rows, now);
}

// Requests per UTC day for the last 7 days of each key, for the key list's sparklines: one query
// for the whole list rather than one per key.
export async function weeklyRequestsByKey(accountId: string, apiKeyIds: readonly string[], now = new Date()): Promise<Map<string, number[]>> {
  const starts = bucketStarts("7d", now);
  const byKey = new Map(apiKeyIds.map((id) => [id, starts.map(() => 0)]));
  if (apiKeyIds.length === 0) return byKey;
  const rows = await db.apiKeyUsage.findMany({
    where: { accountId, apiKeyId: { in: [...apiKeyIds] }, hour: { gte: starts[0] } },
    select: { apiKeyId: true, hour: true, count2xx: true, count4xx: true, count5xx: true },
  });
  for (const row of rows) {
    const index = bucketIndex(starts, DAY_MS, row.hour);
    const days = byKey.get(row.apiKeyId);
    if (index >= 0 && days) days[index] += requestsIn(row);
  }
  return byKey;
}
