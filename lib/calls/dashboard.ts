import { storedStringMapSchema } from "@/lib/api/common-schemas";
import { db } from "@/lib/db";
import type { CallDirection, Prisma } from "@/lib/generated/prisma/client";
import { firstIdAt, idPattern } from "@/lib/ids/new-id";
import { dateRangeOf, type CallFilters } from "./calls-page-query";
import { ENDED_STATUSES, storedTranscriptSchema, type CallStatus, type Transcript } from "./schemas";

// Reads for the signed-in Calls pages. Every query is scoped by the owner, so another
// account's call id behaves exactly like a missing one.

export const CALLS_PAGE_SIZE = 25;

const listFields = {
  id: true,
  status: true,
  direction: true,
  to: true,
  from: true,
  agent: true,
  createdAt: true,
  contactId: true,
  apiKey: { select: { name: true, display: true } },
} as const;

const contactFields = { id: true, firstName: true, lastName: true, company: true, phone: true, email: true } as const;

// What the Calls pages show of the contact a call is about.
export type CallContact = Prisma.ContactGetPayload<{ select: typeof contactFields }>;

export type DashboardCall = {
  id: string;
  status: CallStatus;
  direction: CallDirection;
  to: string;
  from: string;
  agent: string | null;
  createdAt: Date;
  // Null for inbound calls and for calls whose key was deleted since.
  apiKey: { name: string; display: string } | null;
  // The contact the call named, if any, and that contact when it still exists.
  contactId: string | null;
  contact: CallContact | null;
};

export type CallsPage = {
  calls: DashboardCall[];
  // The ending_before of the page of newer calls and the starting_after of the page of older
  // ones; null when there are none.
  previousEndingBefore: string | null;
  nextStartingAfter: string | null;
};

export type PageCursor = { startingAfter?: string; endingBefore?: string };

const callId = idPattern("call");

// A cursor that is not a call id (a hand-edited URL) is ignored: the first page shows.
function validCursor(value: string | undefined): string | undefined {
  return value && callId.test(value) ? value : undefined;
}

// The contacts a page of calls names, in one query (a call stores only the contact's id).
async function withContacts<T extends { contactId: string | null }>(accountId: string, calls: T[]): Promise<(T & { contact: CallContact | null })[]> {
  const ids = [...new Set(calls.map((call) => call.contactId).filter((id): id is string => id !== null))];
  const contacts = ids.length ? await db.contact.findMany({ where: { accountId, id: { in: ids } }, select: contactFields }) : [];
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  return calls.map((call) => ({ ...call, contact: call.contactId ? (byId.get(call.contactId) ?? null) : null }));
}

// The filters as a condition on the calls. Ids sort by creation time, so the date range is a
// range of ids: with the cursor it stays on the (account, id) index.
function filterWhere(accountId: string, filters: CallFilters): Prisma.CallWhereInput {
  const { gte, lt } = dateRangeOf(filters);
  const fromId = gte && firstIdAt("call", gte);
  const toId = lt && firstIdAt("call", lt);
  return {
    accountId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.direction ? { direction: filters.direction } : {}),
    AND: [fromId ? { id: { gte: fromId } } : {}, toId ? { id: { lt: toId } } : {}],
  };
}

export async function listDashboardCalls(accountId: string, cursor: PageCursor = {}, filters: CallFilters = {}): Promise<CallsPage> {
  const startingAfter = validCursor(cursor.startingAfter);
  const endingBefore = startingAfter ? undefined : validCursor(cursor.endingBefore);
  const matching = filterWhere(accountId, filters);
  // Ids sort by creation time: paging backwards reads ascending from the cursor, then flips.
  const found = await db.call.findMany({
    where: { AND: [matching, startingAfter ? { id: { lt: startingAfter } } : endingBefore ? { id: { gt: endingBefore } } : {}] },
    orderBy: { id: endingBefore ? "asc" : "desc" },
    // One more than a page tells whether there is a page further in this direction.
    take: CALLS_PAGE_SIZE + 1,
    select: listFields,
  });
  const furtherThisWay = found.length > CALLS_PAGE_SIZE;
  const rows = found.slice(0, CALLS_PAGE_SIZE);
  if (endingBefore) rows.reverse();
  if (rows.length === 0) return { calls: [], previousEndingBefore: null, nextStartingAfter: null };

  const newest = rows[0].id;
  const oldest = rows[rows.length - 1].id;
  // The other direction needs a look only when a cursor was given: the first page has nothing newer.
  const furtherOtherWay =
    (startingAfter ?? endingBefore) !== undefined &&
    (await db.call.findFirst({ where: { AND: [matching, { id: endingBefore ? { lt: oldest } : { gt: newest } }] }, select: { id: true } })) !== null;
  const [newer, older] = endingBefore ? [furtherThisWay, furtherOtherWay] : [furtherOtherWay, furtherThisWay];
  return {
    calls: await withContacts(accountId, rows),
    previousEndingBefore: newer ? newest : null,
    nextStartingAfter: older ? oldest : null,
  };
}

export type DashboardCallDetail = DashboardCall & {
  durationSeconds: number | null;
  summary: string | null;
  transcript: Transcript;
  variables: Record<string, string>;
  metadata: Record<string, string>;
  ringingAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
};

export async function getDashboardCall(accountId: string, id: string): Promise<DashboardCallDetail | null> {
  if (!callId.test(id)) return null;
  const call = await db.call.findFirst({
    where: { id, accountId },
    select: {
      ...listFields,
      durationSeconds: true,
      summary: true,
      transcript: true,
      variables: true,
      metadata: true,
      ringingAt: true,
      answeredAt: true,
      endedAt: true,
    },
  });
  if (!call) return null;
  const [withContact] = await withContacts(accountId, [call]);
  return {
    ...withContact,
    transcript: storedTranscriptSchema.parse(call.transcript) ?? [],
    variables: storedStringMapSchema.parse(call.variables),
    metadata: storedStringMapSchema.parse(call.metadata),
  };
}

export function isEnded(status: CallStatus): boolean {
  return ENDED_STATUSES.includes(status);
}
