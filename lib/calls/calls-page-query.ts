import { z } from "zod";
import { idPattern } from "@/lib/ids/new-id";
import { CallDirection, CallStatus } from "./schemas";

// The Calls page's URL: ?status=&direction=&from=&to= filter, ?starting_after= / ?ending_before=
// page. Each parameter is checked on its own, so a hand-edited or stale link names exactly what is
// wrong with it instead of failing the page.

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_MESSAGE = "must be a date written YYYY-MM-DD.";

// A query-string value: one string, or absent. An empty field (a form submitted with "Any") is absent.
const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || value === undefined ? undefined : value), schema.optional());

const dateOnly = z
  .string({ error: DATE_MESSAGE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  // 2026-02-30 parses to no date at all in V8 (and rolls over elsewhere): both are refused.
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "is not a date in the calendar.")
  // Call ids carry their creation time from 1970 to the year 5188 (lib/ids/new-id.ts).
  .refine((value) => value >= "1970-01-01" && value < "5000-01-01", "must be a date from 1970 to 4999.");

const callCursor = z.string({ error: "must be one call id." }).regex(idPattern("call"), "must be a call id.");

export const callsPageQuerySchema = z.object({
  status: single(z.enum(CallStatus, { error: `must be one of ${Object.values(CallStatus).join(", ")}.` })),
  direction: single(z.enum(CallDirection, { error: "must be outbound or inbound." })),
  from: single(dateOnly),
  to: single(dateOnly),
  starting_after: single(callCursor),
  ending_before: single(callCursor),
});

export type CallsPageQuery = z.infer<typeof callsPageQuerySchema>;
export type CallFilters = Pick<CallsPageQuery, "status" | "direction" | "from" | "to">;

export type ParsedCallsPageQuery = { query: CallsPageQuery; problems: string[] };

const FILTER_KEYS = ["status", "direction", "from", "to"] as const;

// Valid parameters are kept; each invalid one is left out and described in `problems`.
export function parseCallsPageQuery(params: Record<string, string | string[] | undefined>): ParsedCallsPageQuery {
  const query: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(callsPageQuerySchema.shape)) {
    const parsed = schema.safeParse(params[key]);
    if (parsed.success) {
      if (parsed.data !== undefined) query[key] = parsed.data;
    } else {
      problems.push(`${key}: ${parsed.error.issues[0]?.message ?? "is not valid."}`);
    }
  }
  const result = query as CallsPageQuery;
  if (result.from && result.to && result.from > result.to) {
    problems.push("from: must be on or before to.");
    delete result.from;
    delete result.to;
  }
  return { query: result, problems };
}

// Creation-time bounds of the date range, in whole UTC days with both ends included.
export function dateRangeOf(filters: CallFilters): { gte?: Date; lt?: Date } {
  return {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
    ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
  };
}

// The page's URL with these filters and, optionally, a cursor: links that keep the filters.
export function callsPageHref(filters: CallFilters, cursor: { starting_after?: string; ending_before?: string } = {}): string {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) search.set(key, filters[key]);
  if (cursor.starting_after) search.set("starting_after", cursor.starting_after);
  if (cursor.ending_before) search.set("ending_before", cursor.ending_before);
  const text = search.toString();
  return text ? `/calls?${text}` : "/calls";
}

export const hasFilters = (filters: CallFilters) => FILTER_KEYS.some((key) => filters[key] !== undefined);
