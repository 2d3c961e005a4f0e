import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ACTION_GROUPS, actionsInGroup, AUDIT_ACTIONS, AUDIT_ACTORS, type ActionGroup } from "./action-labels";

const DAY_MS = 24 * 60 * 60 * 1000;

// A query-string value: one string, or absent. A repeated parameter or an empty field counts as absent.
const single = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value !== "" ? value : undefined), schema.optional());

const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

// The Audit log page's and the CSV export's filters, read from the URL. `action` is one action
// name or `group:<name>`; dates are whole UTC days, both ends included.
export const auditFiltersSchema = z.object({
  action: single(z.enum([...AUDIT_ACTIONS, ...Object.keys(ACTION_GROUPS).map((group) => `group:${group}`)] as [string, ...string[]])),
  actor: single(z.enum(AUDIT_ACTORS)),
  from: single(dateOnly),
  to: single(dateOnly),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

// Each filter is checked on its own: one bad value (a hand-edited URL) drops that filter, not all.
export function parseAuditFilters(params: SearchParams | URLSearchParams): AuditFilters {
  const raw: SearchParams = params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params;
  const filters: AuditFilters = {};
  for (const key of Object.keys(auditFiltersSchema.shape) as (keyof AuditFilters)[]) {
    const parsed = auditFiltersSchema.shape[key].safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data as never;
  }
  return filters;
}

export function auditWhere(accountId: string, filters: AuditFilters): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = { accountId };
  if (filters.action?.startsWith("group:")) where.action = { in: actionsInGroup(filters.action.slice("group:".length) as ActionGroup) };
  else if (filters.action) where.action = filters.action;
  if (filters.actor) where.actor = filters.actor;
  if (filters.from || filters.to) {
    where.createdAt = {
      ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
      // "to" includes that whole day.
      ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
    };
  }
  return where;
}

// The filters as query-string pairs, for links that keep them (paging, the CSV export).
export function filtersToSearch(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}
