import { z } from "zod";
import { parseStringMap } from "@/lib/api/common-schemas";
import { db } from "@/lib/db";
import { idPattern } from "@/lib/ids/new-id";
import { ENDED_STATUSES, type CallStatus } from "./schemas";

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
  apiKey: { select: { name: true, display: true } },
} as const;

export type DashboardCall = {
  id: string;
  status: CallStatus;
  direction: string;
  to: string;
  from: string;
  agent: string | null;
  createdAt: Date;
  // Null for inbound calls and for calls whose key was deleted since.
  apiKey: { name: string; display: string } | null;
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

export async function listDashboardCalls(userId: string, cursor: PageCursor = {}): Promise<CallsPage> {
  const startingAfter = validCursor(cursor.startingAfter);
  const endingBefore = startingAfter ? undefined : validCursor(cursor.endingBefore);
  // Ids sort by creation time: paging backwards reads ascending from the cursor, then flips.
  const rows = await db.call.findMany({
    where: { userId, ...(startingAfter ? { id: { lt: startingAfter } } : endingBefore ? { id: { gt: endingBefore } } : {}) },
    orderBy: { id: endingBefore ? "asc" : "desc" },
    take: CALLS_PAGE_SIZE,
    select: listFields,
  });
  if (endingBefore) rows.reverse();
  if (rows.length === 0) return { calls: [], previousEndingBefore: null, nextStartingAfter: null };

  const newest = rows[0].id;
  const oldest = rows[rows.length - 1].id;
  const [newer, older] = await Promise.all([
    db.call.findFirst({ where: { userId, id: { gt: newest } }, select: { id: true } }),
    db.call.findFirst({ where: { userId, id: { lt: oldest } }, select: { id: true } }),
  ]);
  return {
    calls: rows.map((row) => ({ ...row, status: row.status as CallStatus })),
    previousEndingBefore: newer ? newest : null,
    nextStartingAfter: older ? oldest : null,
  };
}

const transcriptSchema = z.array(z.object({ speaker: z.string(), text: z.string() }));

export type DashboardCallDetail = DashboardCall & {
  durationSeconds: number | null;
  summary: string | null;
  transcript: { speaker: string; text: string }[];
  variables: Record<string, string>;
  metadata: Record<string, string>;
  ringingAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
};

export async function getDashboardCall(userId: string, id: string): Promise<DashboardCallDetail | null> {
  if (!callId.test(id)) return null;
  const call = await db.call.findFirst({
    where: { id, userId },
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
  const transcript = transcriptSchema.safeParse(call.transcript ? safeJson(call.transcript) : []);
  return {
    ...call,
    status: call.status as CallStatus,
    transcript: transcript.success ? transcript.data : [],
    variables: parseStringMap(call.variables),
    metadata: parseStringMap(call.metadata),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function isEnded(status: string): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}
