import { scopesOf, type StoredPermissions } from "@/lib/api-keys/permissions";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { firstIdAt } from "@/lib/ids/new-id";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";
import { readableEventTypes } from "@/lib/webhooks/subscribe-permissions";
import type { ListEventsQuery } from "./schemas";
import type { StoredEvent } from "./serialize-event";

const SELECT = { id: true, type: true, payload: true } as const;

// The types this key may see (and asked for), as a condition of the query itself: filtering after
// the read would leave pages short and has_more wrong. No condition when the key sees everything.
function typeWhere(apiKey: StoredPermissions, requested: WebhookEventType[] | undefined): Prisma.WebhookEventWhereInput {
  const readable = readableEventTypes(scopesOf(apiKey));
  const types = requested ? requested.filter((type) => readable.includes(type)) : readable;
  return types.length === WEBHOOK_EVENT_TYPES.length ? {} : { type: { in: types } };
}

function smallest(...ids: (string | null | undefined)[]): string | undefined {
  return ids.filter((id): id is string => Boolean(id)).sort()[0];
}

// created[gte] / created[lt] say what is meant (createdAt); the same bounds on the id (ids begin
// with their creation time) let the (accountId, id) index skip straight to the range instead of
// walking every newer event of the account.
function rangeWhere(query: ListEventsQuery): Prisma.WebhookEventWhereInput {
  const gte = query["created[gte]"];
  const lt = query["created[lt]"];
  const idLt = smallest(query.starting_after, lt && firstIdAt("evt", lt));
  const idGte = gte ? firstIdAt("evt", gte) : null;
  const id = { ...(idLt ? { lt: idLt } : {}), ...(idGte ? { gte: idGte } : {}), ...(query.ending_before ? { gt: query.ending_before } : {}) };
  return {
    ...(gte || lt ? { createdAt: { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) } } : {}),
    ...(Object.keys(id).length > 0 ? { id } : {}),
  };
}

// Newest first, limit + 1 rows (the extra one tells whether more follow). With ending_before the
// rows just newer than the cursor are read oldest first, then turned round.
export async function listEvents(accountId: string, apiKey: StoredPermissions, query: ListEventsQuery): Promise<StoredEvent[]> {
  const where = { accountId, ...typeWhere(apiKey, query.type), ...rangeWhere(query) };
  const rows = await db.webhookEvent.findMany({ where, orderBy: { id: query.ending_before ? "asc" : "desc" }, take: query.limit + 1, select: SELECT });
  if (!query.ending_before) return rows;
  // Keep the extra row at the end, where toList looks for it: the page is the `limit` oldest.
  const page = rows.slice(0, query.limit).reverse();
  return rows.length > query.limit ? [...page, rows[query.limit]] : page;
}

// An event of another account, or one this key may not read, is answered like a missing one.
export async function getEvent(accountId: string, apiKey: StoredPermissions, id: string): Promise<StoredEvent> {
  const event = await db.webhookEvent.findFirst({ where: { id, accountId, ...typeWhere(apiKey, undefined) }, select: SELECT });
  if (!event) throw NotFoundError.of("event", id);
  return event;
}
