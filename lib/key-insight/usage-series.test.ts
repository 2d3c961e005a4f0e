import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bucketStarts, parseUsageRange } from "./usage-ranges";
import { errorRate, usageSeries, weeklyRequestsByKey } from "./usage-series";

const NOW = new Date("2030-03-10T15:42:00.000Z");
const HOUR = 60 * 60 * 1000;
const hoursAgo = (hours: number) => new Date(Date.parse("2030-03-10T15:00:00.000Z") - hours * HOUR);

async function newKey() {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "User", passwordHash: "scrypt$unused" } });
  const apiKey = await db.apiKey.create({ data: { accountId: user.id, name: "Zapier", hash: randomUUID(), display: "sb_live_Ab…wxyz" } });
  return { accountId: user.id, apiKeyId: apiKey.id };
}

async function usage(key: { accountId: string; apiKeyId: string }, hour: Date, counts: { c2?: number; c4?: number; c5?: number; sum?: number; max?: number }) {
  await db.apiKeyUsage.create({
    data: { ...key, hour, count2xx: counts.c2 ?? 0, count4xx: counts.c4 ?? 0, count5xx: counts.c5 ?? 0, latencyMsSum: counts.sum ?? 0, latencyMsMax: counts.max ?? 0 },
  });
}

describe("usage ranges", () => {
  it("ends with the bucket that holds now: 24 UTC hours, or 7 and 30 UTC days", () => {
    const hours = bucketStarts("24h", NOW);
    expect(hours).toHaveLength(24);
    expect(hours.at(-1)!.toISOString()).toBe("2030-03-10T15:00:00.000Z");
    expect(hours[0].toISOString()).toBe("2030-03-09T16:00:00.000Z");
    const days = bucketStarts("30d", NOW);
    expect(days).toHaveLength(30);
    expect(days.at(-1)!.toISOString()).toBe("2030-03-10T00:00:00.000Z");
    expect(days[0].toISOString()).toBe("2030-02-09T00:00:00.000Z");
  });

  it("falls back to 24 hours for a missing or unknown URL parameter", () => {
    expect(parseUsageRange("7d")).toBe("7d");
    expect(parseUsageRange(undefined)).toBe("24h");
    expect(parseUsageRange("toString")).toBe("24h");
    expect(parseUsageRange(["30d"])).toBe("24h");
  });
});

describe("usageSeries", () => {
  it("sums hourly rows into the range's buckets, with totals and the error rate", async () => {
    const key = await newKey();
    await usage(key, hoursAgo(0), { c2: 8, c4: 1, c5: 1, sum: 500, max: 120 });
    await usage(key, hoursAgo(3), { c2: 10, sum: 200, max: 40 });
    await usage(key, hoursAgo(30), { c2: 5, c4: 5, sum: 100, max: 300 });
    await usage(key, hoursAgo(24 * 40), { c2: 99 });

    const day = await usageSeries(key.accountId, key.apiKeyId, "24h", NOW);
    expect(day.buckets.at(-1)).toMatchObject({ count2xx: 8, count4xx: 1, count5xx: 1, latencyMsSum: 500, latencyMsMax: 120 });
    expect(day.buckets.at(-4)).toMatchObject({ count2xx: 10 });
    expect(day.totals).toMatchObject({ requests: 20, count2xx: 18, count4xx: 1, count5xx: 1, errorRate: 0.1, averageLatencyMs: 35, latencyMsMax: 120 });

    const week = await usageSeries(key.accountId, key.apiKeyId, "7d", NOW);
    expect(week.buckets.map((bucket) => bucket.count2xx + bucket.count4xx + bucket.count5xx)).toEqual([0, 0, 0, 0, 0, 10, 20]);
    expect(week.totals).toMatchObject({ requests: 30, errorRate: 7 / 30, latencyMsMax: 300 });

    const month = await usageSeries(key.accountId, key.apiKeyId, "30d", NOW);
    expect(month.totals.requests).toBe(30);
  });

  it("reads another account's key as no usage, and has no error rate without requests", async () => {
    const key = await newKey();
    const other = await newKey();
    await usage(key, hoursAgo(1), { c2: 3 });
    const series = await usageSeries(other.accountId, key.apiKeyId, "24h", NOW);
    expect(series.totals).toMatchObject({ requests: 0, errorRate: null, averageLatencyMs: null });
    expect(errorRate({ count2xx: 0, count4xx: 0, count5xx: 0 })).toBeNull();
  });
});

describe("weeklyRequestsByKey", () => {
  it("gives every key of the list its 7 days of requests, zeros included, from one account only", async () => {
    const first = await newKey();
    const second = { ...first, apiKeyId: (await db.apiKey.create({ data: { accountId: first.accountId, name: "Make", hash: randomUUID(), display: "x" } })).id };
    const stranger = await newKey();
    await usage(first, hoursAgo(0), { c2: 4, c5: 1 });
    await usage(first, hoursAgo(1), { c4: 2 });
    await usage(first, hoursAgo(24 * 6), { c2: 7 });
    await usage(first, hoursAgo(24 * 8), { c2: 100 });
    await usage(stranger, hoursAgo(0), { c2: 50 });

    const weekly = await weeklyRequestsByKey(first.accountId, [first.apiKeyId, second.apiKeyId, stranger.apiKeyId], NOW);
    expect(weekly.get(first.apiKeyId)).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(weekly.get(second.apiKeyId)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(weekly.get(stranger.apiKeyId)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(await weeklyRequestsByKey(first.accountId, [], NOW)).toEqual(new Map());
  });
});
