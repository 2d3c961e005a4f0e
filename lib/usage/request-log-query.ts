import { z } from "zod";
import { OPERATIONS } from "@/lib/api/registry";
import { db } from "@/lib/db";
import type { RequestLogRow } from "./usage-buffer";

// Reads for the Logs page. Every query is scoped by the owner, so another account's Request-Id
// finds nothing, exactly like one that does not exist.

export const REQUEST_LOG_PAGE_SIZE = 50;

export const STATUS_CLASSES = ["2xx", "4xx", "5xx"] as const;
export const LOGGED_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), schema.optional());

// The Logs page's URL query. A value that does not fit (a hand-edited URL) is dropped rather than
// refused: the page shows as if that filter were not set.
export const requestLogFiltersSchema = z.object({
  key: optional(z.string().max(64).regex(/^[\w-]+$/)).catch(undefined),
  status: optional(z.enum(STATUS_CLASSES)).catch(undefined),
  method: optional(z.enum(LOGGED_METHODS)).catch(undefined),
  route: optional(z.string().max(200).regex(/^\/api\/v1\/[\w{}/.-]*$/)).catch(undefined),
  request_id: optional(z.string().max(64).regex(/^req_[\w-]+$/)).catch(undefined),
  // "<createdAt ms>.<request id>" of the last row of the previous page.
  before: optional(z.string().max(100).regex(/^\d{1,15}\.req_[\w-]+$/)).catch(undefined),
});

export type RequestLogFilters = z.infer<typeof requestLogFiltersSchema>;

export function parseRequestLogFilters(query: Record<string, string | string[] | undefined>): RequestLogFilters {
  const single = Object.fromEntries(Object.entries(query).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
  return requestLogFiltersSchema.parse(single);
}

const STATUS_RANGES = { "2xx": { gte: 100, lt: 400 }, "4xx": { gte: 400, lt: 500 }, "5xx": { gte: 500 } } as const;

export type RequestLogEntry = Omit<RequestLogRow, "accountId">;

export type RequestLogPage = { entries: RequestLogEntry[]; nextBefore: string | null };

const cursorOf = (entry: RequestLogEntry) => `${entry.createdAt.getTime()}.${entry.id}`;

// Newest first. A Request-Id search finds that one request (the other filters do not apply);
// otherwise the filters narrow the account's log, a page at a time.
export async function listRequestLog(accountId: string, filters: RequestLogFilters): Promise<RequestLogPage> {
  if (filters.request_id) {
    const entry = await db.requestLog.findFirst({ where: { accountId, id: filters.request_id } });
    return { entries: entry ? [entry] : [], nextBefore: null };
  }
  const [beforeMs, beforeId] = filters.before ? filters.before.split(/\.(.*)/s) : [];
  const beforeAt = beforeMs ? new Date(Number(beforeMs)) : undefined;
  const found = await db.requestLog.findMany({
    where: {
      accountId,
      ...(filters.key ? { apiKeyId: filters.key } : {}),
      ...(filters.status ? { status: STATUS_RANGES[filters.status] } : {}),
      ...(filters.method ? { method: filters.method } : {}),
      ...(filters.route ? { route: filters.route } : {}),
      ...(beforeAt ? { OR: [{ createdAt: { lt: beforeAt } }, { createdAt: beforeAt, id: { lt: beforeId } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: REQUEST_LOG_PAGE_SIZE + 1,
  });
  const entries = found.slice(0, REQUEST_LOG_PAGE_SIZE);
  return { entries, nextBefore: found.length > REQUEST_LOG_PAGE_SIZE ? cursorOf(entries[entries.length - 1]) : null };
}

export type LoggedKey = { id: string; name: string; display: string; revoked: boolean };

// Every key of the account, revoked ones included: their requests are logged too.
export async function requestLogKeys(accountId: string): Promise<LoggedKey[]> {
  const keys = await db.apiKey.findMany({
    where: { accountId },
    select: { id: true, name: true, display: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
  return keys.map(({ revokedAt, ...key }) => ({ ...key, revoked: revokedAt !== null }));
}

// Every route template of the API, for the route filter (a request is logged under its template).
export function requestLogRoutes(): string[] {
  return [...new Set(OPERATIONS.map((operation) => operation.path as string))].sort();
}
