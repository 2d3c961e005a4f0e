// The periods a key's usage chart shows. Free of Prisma and zod: the page parses its URL
// parameter with this list, and a range is hours (24 h) or UTC days (7 and 30 days) of counts.
export const USAGE_RANGES = {
  "24h": { label: "24 hours", unit: "hour", buckets: 24 },
  "7d": { label: "7 days", unit: "day", buckets: 7 },
  "30d": { label: "30 days", unit: "day", buckets: 30 },
} as const;

export type UsageRange = keyof typeof USAGE_RANGES;
export const DEFAULT_USAGE_RANGE: UsageRange = "24h";

export function parseUsageRange(value: unknown): UsageRange {
  return typeof value === "string" && Object.hasOwn(USAGE_RANGES, value) ? (value as UsageRange) : DEFAULT_USAGE_RANGE;
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export function startOfUtcHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

// The starts of the range's buckets, oldest first; the last one holds `now`.
export function bucketStarts(range: UsageRange, now: Date): Date[] {
  const { unit, buckets } = USAGE_RANGES[range];
  const step = unit === "hour" ? HOUR_MS : DAY_MS;
  const last = (unit === "hour" ? startOfUtcHour(now) : startOfUtcDay(now)).getTime();
  return Array.from({ length: buckets }, (_, index) => new Date(last - (buckets - 1 - index) * step));
}
