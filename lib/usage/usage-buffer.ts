// What /api/v1 requests made with an account's keys leave behind, gathered in memory on the request
// path and written by the flush (flush-usage.ts): the request path itself never writes.
import type { RequestLog } from "@/lib/generated/prisma/client";

const HOUR_MS = 60 * 60 * 1000;

// Bounds on what one instance holds between flushes. Past them the oldest log rows go (and are
// counted, so the flush can say so); counts for a key-hour not yet held are dropped the same way.
export const MAX_BUFFERED_LOG_ROWS = 20_000;
export const MAX_BUFFERED_KEY_HOURS = 20_000;

// One /api/v1 request that resolved to a key of an account (valid, revoked or expired).
export type UsedRequest = {
  requestId: string;
  apiKeyId: string;
  accountId: string;
  method: string;
  route: string | null;
  status: number;
  latencyMs: number;
  ip: string | null;
  userAgent: string | null;
  errorCode: string | null;
  at: Date;
};

export type KeyHourUsage = {
  apiKeyId: string;
  accountId: string;
  hour: Date;
  count2xx: number;
  count4xx: number;
  count5xx: number;
  latencyMsSum: number;
  latencyMsMax: number;
};

export type LastUse = { apiKeyId: string; at: Date; ip: string | null; userAgent: string | null };

// A row exactly as the flush writes it.
export type RequestLogRow = RequestLog;

export type PendingUsage = { usage: KeyHourUsage[]; lastUses: LastUse[]; log: RequestLogRow[]; dropped: number };

// The log's rows are log[logStart…]: rows dropped by the cap are cleared and skipped, and the array
// is compacted only every LOG_COMPACT_EVERY drops. Dropping the oldest row with splice(0, 1)
// moved all 20,000 held rows on each request once the buffer was full (about 70 µs, measured),
// which is exactly when it fills: when flushes are failing or, in the bench, held off.
type UsageBuffer = { usage: Map<string, KeyHourUsage>; lastUses: Map<string, LastUse>; log: (RequestLogRow | undefined)[]; logStart: number; dropped: number };

const LOG_COMPACT_EVERY = 2_048;

const emptyBuffer = (): UsageBuffer => ({ usage: new Map(), lastUses: new Map(), log: [], logStart: 0, dropped: 0 });

const heldLogRows = (from: UsageBuffer) => (from.logStart === 0 ? from.log : from.log.slice(from.logStart)) as RequestLogRow[];

// On globalThis: Next.js bundles route handlers and instrumentation (where the flush runs)
// separately, each with its own copy of this module, and both must see one buffer.
const shared = globalThis as unknown as { switchboardUsageBuffer?: UsageBuffer };
const buffer = () => (shared.switchboardUsageBuffer ??= emptyBuffer());

export const hourOf = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);

// A user agent is whatever the client sends; a bounded prefix is enough to recognise it.
const MAX_USER_AGENT = 256;

function addUsage(into: UsageBuffer, row: KeyHourUsage) {
  const key = `${row.apiKeyId}|${row.hour.getTime()}`;
  const held = into.usage.get(key);
  if (held) {
    held.count2xx += row.count2xx;
    held.count4xx += row.count4xx;
    held.count5xx += row.count5xx;
    held.latencyMsSum += row.latencyMsSum;
    held.latencyMsMax = Math.max(held.latencyMsMax, row.latencyMsMax);
  } else if (into.usage.size < MAX_BUFFERED_KEY_HOURS) {
    into.usage.set(key, { ...row });
  } else {
    into.dropped += row.count2xx + row.count4xx + row.count5xx;
  }
}

function addLastUse(into: UsageBuffer, use: LastUse) {
  const held = into.lastUses.get(use.apiKeyId);
  if (!held || held.at <= use.at) into.lastUses.set(use.apiKeyId, use);
}

function addLogRows(into: UsageBuffer, rows: RequestLogRow[]) {
  for (const row of rows) into.log.push(row);
  const excess = into.log.length - into.logStart - MAX_BUFFERED_LOG_ROWS;
  if (excess <= 0) return;
  into.log.fill(undefined, into.logStart, into.logStart + excess);
  into.logStart += excess;
  into.dropped += excess;
  if (into.logStart >= LOG_COMPACT_EVERY) {
    into.log.splice(0, into.logStart);
    into.logStart = 0;
  }
}

// The request path's only cost: a few map updates and one array push.
export function recordUsedRequest(request: UsedRequest) {
  const into = buffer();
  const latencyMs = Math.max(0, Math.round(request.latencyMs));
  const userAgent = request.userAgent ? request.userAgent.slice(0, MAX_USER_AGENT) : null;
  const statusClass = request.status >= 500 ? "count5xx" : request.status >= 400 ? "count4xx" : "count2xx";
  addUsage(into, {
    apiKeyId: request.apiKeyId,
    accountId: request.accountId,
    hour: hourOf(request.at),
    count2xx: 0,
    count4xx: 0,
    count5xx: 0,
    [statusClass]: 1,
    latencyMsSum: latencyMs,
    latencyMsMax: latencyMs,
  });
  addLastUse(into, { apiKeyId: request.apiKeyId, at: request.at, ip: request.ip, userAgent });
  addLogRows(into, [
    {
      id: request.requestId,
      accountId: request.accountId,
      apiKeyId: request.apiKeyId,
      method: request.method,
      route: request.route,
      status: request.status,
      latencyMs,
      ip: request.ip,
      userAgent,
      errorCode: request.errorCode,
      createdAt: request.at,
    },
  ]);
}

// Hands everything gathered so far to the flush and starts afresh.
export function takePendingUsage(): PendingUsage {
  const taken = buffer();
  shared.switchboardUsageBuffer = emptyBuffer();
  return { usage: [...taken.usage.values()], lastUses: [...taken.lastUses.values()], log: heldLogRows(taken), dropped: taken.dropped };
}

// A flush that failed gives its rows back, merged with what arrived meanwhile (older log rows
// first, so the cap still drops the oldest).
export function restorePendingUsage(pending: PendingUsage) {
  const into = buffer();
  const newer = heldLogRows(into);
  into.log = [];
  into.logStart = 0;
  addLogRows(into, [...pending.log, ...newer]);
  for (const row of pending.usage) addUsage(into, row);
  for (const use of pending.lastUses) addLastUse(into, use);
  into.dropped += pending.dropped;
}
