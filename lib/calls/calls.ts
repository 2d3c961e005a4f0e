import type { z } from "zod";
import { pageWhere } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Call } from "@/lib/generated/prisma/client";
import { aboutField, ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/domain-errors";
import { newId } from "@/lib/ids/new-id";
import { deliveriesOf, emitWebhookEvent, newEventRow, type NewEventRow } from "@/lib/webhooks/outbox";
import { callStore } from "./call-store";
import { serializeCall } from "./serialize-call";
import { simulatorProvider } from "./simulator";
import { CANCELABLE_STATUSES, type CreateCallInput, type listCallsQuerySchema } from "./schemas";

// The provider new calls go to. The simulator is the only one built in.
export const callProvider = simulatorProvider;

// Caller ID when a request names none: the simulator's number for this deployment.
export const defaultCallerId = () => env().DEFAULT_CALLER_ID;

export async function createCall(accountId: string, apiKeyId: string, input: CreateCallInput): Promise<Call> {
  if (input.contact_id) {
    const contact = await db.contact.findFirst({ where: { id: input.contact_id, accountId: accountId }, select: { id: true } });
    if (!contact) {
      throw new InvalidInputError("resource_missing", aboutField("contact_id", `no contact "${input.contact_id}" in this account.`));
    }
  }
  return insertCall(
    accountId,
    {
      apiKeyId,
      direction: "outbound",
      status: "queued",
      to: input.to,
      from: input.from ?? defaultCallerId(),
      agent: input.agent,
      contactId: input.contact_id,
      variables: input.variables ?? {},
      metadata: input.metadata ?? {},
    },
    "call.queued",
  );
}

// What a caller decides about a new call; the rest of the row is set here or starts empty.
export type NewCall = Pick<Call, "apiKeyId" | "direction" | "status" | "to" | "from"> &
  Partial<Pick<Call, "agent" | "contactId" | "routingRuleId" | "routingAction" | "routingTarget" | "ringingAt">> & {
    variables?: Record<string, string>;
    metadata?: Record<string, string>;
  };

// The full rows of a new call and its first event, as Prisma would return them after the insert:
// the store writes them as they are, so nothing is read back.
export function newCallRows(accountId: string, call: NewCall, event: "call.queued" | "inbound_call.routed", createdAt: Date): { call: Call; event: NewEventRow } {
  const row: Call = {
    id: newId("call", createdAt.getTime()),
    accountId,
    apiKeyId: call.apiKeyId,
    direction: call.direction,
    status: call.status,
    to: call.to,
    from: call.from,
    agent: call.agent ?? null,
    contactId: call.contactId ?? null,
    variables: call.variables ?? {},
    metadata: call.metadata ?? {},
    provider: callProvider.name,
    routingRuleId: call.routingRuleId ?? null,
    routingAction: call.routingAction ?? null,
    routingTarget: call.routingTarget ?? null,
    durationSeconds: null,
    transcript: null,
    summary: null,
    createdAt,
    ringingAt: call.ringingAt ?? null,
    answeredAt: null,
    endedAt: null,
    nextActionAt: callProvider.firstActionAt({ direction: call.direction, createdAt }),
  };
  return { call: row, event: newEventRow({ accountId, type: event, data: serializeCall(row) }, new Date()) };
}

// Stores a call for the provider to take from there, with its first webhook in the same
// transaction, through the engine's call store (call-store.ts: prepared statements, not Prisma).
export async function insertCall(
  accountId: string,
  call: NewCall,
  event: "call.queued" | "inbound_call.routed",
  createdAt = new Date(),
): Promise<Call> {
  const rows = newCallRows(accountId, call, event, createdAt);
  await callStore(rows.call, rows.event, (endpoints) => deliveriesOf(rows.event, endpoints));
  return rows.call;
}

export async function listCalls(accountId: string, query: z.infer<typeof listCallsQuerySchema>): Promise<Call[]> {
  return db.call.findMany({
    where: { accountId: accountId, status: query.status, direction: query.direction, ...pageWhere(query.starting_after) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
}

// Another account's call is indistinguishable from a missing one.
export async function getCall(accountId: string, id: string): Promise<Call> {
  const call = await db.call.findFirst({ where: { id, accountId: accountId } });
  if (!call) throw NotFoundError.of("call", id);
  return call;
}

export async function cancelCall(accountId: string, id: string): Promise<Call> {
  const now = new Date();
  // Conditional on the status, so a cancel racing the provider's next step cannot both win.
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.call.updateMany({
      where: { id, accountId: accountId, status: { in: [...CANCELABLE_STATUSES] } },
      data: { status: "canceled", endedAt: now, durationSeconds: 0, nextActionAt: null },
    });
    if (count === 1) await emitWebhookEvent(tx, accountId, "call.canceled", serializeCall(await tx.call.findUniqueOrThrow({ where: { id } })));
    return count;
  });
  const call = await getCall(accountId, id);
  if (count === 0) {
    throw new ConflictError("call_not_cancelable", `The call is ${call.status}; only queued or ringing calls can be canceled.`);
  }
  return call;
}
