import type { z } from "zod";
import { pageWhere } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Call, Prisma } from "@/lib/generated/prisma/client";
import { aboutField, ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors/domain-errors";
import { newId } from "@/lib/ids/new-id";
import { emitWebhookEvent } from "@/lib/webhooks/outbox";
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

type NewCall = Omit<Prisma.CallUncheckedCreateInput, "id" | "accountId" | "provider" | "createdAt" | "nextActionAt">;

// Stores a call for the provider to take from there, with its first webhook in the same transaction.
export async function insertCall(
  accountId: string,
  call: NewCall,
  event: "call.queued" | "inbound_call.routed",
  createdAt = new Date(),
): Promise<Call> {
  return db.$transaction(async (tx) => {
    const created = await tx.call.create({
      data: {
        ...call,
        id: newId("call", createdAt.getTime()),
        accountId: accountId,
        provider: callProvider.name,
        createdAt,
        nextActionAt: callProvider.firstActionAt({ direction: call.direction, createdAt }),
      },
    });
    await emitWebhookEvent(tx, accountId, event, serializeCall(created));
    return created;
  });
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
