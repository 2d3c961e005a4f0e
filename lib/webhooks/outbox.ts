import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids/new-id";
import { ALL_EVENTS, type WebhookEventType } from "./event-types";
import { storedEventsSchema } from "./schemas";

// Records the event and one pending delivery per subscribed endpoint inside the caller's
// transaction: the change and its webhooks commit together or not at all, and a restart
// between commit and sending loses nothing (the worker picks pending deliveries up).
export async function emitWebhookEvent(
  tx: Prisma.TransactionClient,
  accountId: string,
  type: WebhookEventType,
  data: object,
  only?: { endpointId: string },
): Promise<{ eventId: string; deliveryIds: string[] }> {
  const now = new Date();
  const eventId = newId("evt", now.getTime());
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { accountId: accountId, enabled: true, ...(only ? { id: only.endpointId } : {}) },
    select: { id: true, events: true },
  });
  const subscribed = only ? endpoints : endpoints.filter((endpoint) => storedEventsSchema.parse(endpoint.events).some((event) => event === ALL_EVENTS || event === type));
  // Events exist to be delivered: one no endpoint subscribes to is not stored. Most accounts have
  // no endpoint, and this write was a third of POST /calls' database work (and of the call worker's).
  if (!subscribed.length) return { eventId, deliveryIds: [] };

  const payload = JSON.stringify({ id: eventId, type, created_at: now.toISOString(), data });
  await tx.webhookEvent.create({ data: { id: eventId, accountId: accountId, type, payload, createdAt: now } });
  const deliveryIds = subscribed.map(() => newId("whd", now.getTime()));
  await tx.webhookDelivery.createMany({
    data: subscribed.map((endpoint, index) => ({ id: deliveryIds[index], eventId, endpointId: endpoint.id, status: "pending", nextAttemptAt: now, createdAt: now })),
  });
  return { eventId, deliveryIds };
}
