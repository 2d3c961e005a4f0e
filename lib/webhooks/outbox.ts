import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids/new-id";
import type { EventObject, WebhookEventData } from "./event-payloads";
import { ALL_EVENTS, type WebhookEventType } from "./event-types";
import { storedEventsSchema } from "./schemas";

// One event to record; `data` is typed by the event type's payload schema (event-payloads.ts),
// so emitting a payload its documentation does not describe fails typecheck.
export type PendingWebhookEvent = {
  [T in WebhookEventType]: { accountId: string; type: T; data: WebhookEventData<T> };
}[WebhookEventType];

// A stored event: its envelope is the exact body every endpoint receives (event-payloads.ts).
export type NewEventRow = { id: string; accountId: string; type: WebhookEventType; payload: string; createdAt: Date };
// An enabled endpoint of the event's account, with its stored event list (Json, checked here).
export type EndpointSubscription = { id: string; events: unknown };

export function newEventRow(event: PendingWebhookEvent, now: Date): NewEventRow {
  const id = newId("evt", now.getTime());
  const envelope: EventObject = { id, object: "event", type: event.type, created_at: now.toISOString(), data: event.data } as EventObject;
  return { id, accountId: event.accountId, type: event.type, payload: JSON.stringify(envelope), createdAt: now };
}

// One pending delivery per endpoint subscribed to the event (by its type or to all events), or to
// the one endpoint named by `only`, subscribed or not. The endpoints are the event's account's.
export function deliveriesOf(event: NewEventRow, endpoints: readonly EndpointSubscription[], only?: { endpointId: string }): { id: string; endpointId: string }[] {
  return endpoints
    .filter((endpoint) => {
      if (only) return endpoint.id === only.endpointId;
      const events = storedEventsSchema.parse(endpoint.events);
      return events.includes(ALL_EVENTS) || events.includes(event.type);
    })
    .map((endpoint) => ({ id: newId("whd", event.createdAt.getTime()), endpointId: endpoint.id }));
}

// Records events, and one pending delivery per subscribed endpoint, inside the caller's
// transaction: the change and its webhooks commit together or not at all, and a restart between
// commit and sending loses nothing (the worker picks pending deliveries up).
// Every event is stored, subscribed or not: GET /api/v1/events lists them (a polling trigger, or a
// receiver that was down, catches up from there). The cost is one endpoints read and one insert for
// the whole batch, plus one insert of deliveries when an endpoint subscribes.
export async function emitWebhookEvents(
  tx: Prisma.TransactionClient,
  events: readonly PendingWebhookEvent[],
  only?: { endpointId: string },
): Promise<{ eventIds: string[]; deliveryIds: string[] }> {
  if (events.length === 0) return { eventIds: [], deliveryIds: [] };
  const now = new Date();
  const accountIds = [...new Set(events.map((event) => event.accountId))];
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { accountId: accountIds.length === 1 ? accountIds[0] : { in: accountIds }, enabled: true, ...(only ? { id: only.endpointId } : {}) },
    select: { id: true, accountId: true, events: true },
  });

  const rows = events.map((event) => newEventRow(event, now));
  // One row goes in with create, not createMany: Prisma caches the query plan of every operation
  // except createMany, which it compiles anew on each call (in its query compiler, WebAssembly).
  if (rows.length === 1) await tx.webhookEvent.create({ data: rows[0], select: { id: true } });
  else await tx.webhookEvent.createMany({ data: rows });

  const deliveries = rows.flatMap((row) =>
    deliveriesOf(
      row,
      endpoints.filter((endpoint) => endpoint.accountId === row.accountId),
      only,
    ).map((delivery) => ({ ...delivery, eventId: row.id, status: "pending" as const, nextAttemptAt: now, createdAt: now })),
  );
  if (deliveries.length === 1) await tx.webhookDelivery.create({ data: deliveries[0], select: { id: true } });
  else if (deliveries.length > 1) await tx.webhookDelivery.createMany({ data: deliveries });
  return { eventIds: rows.map((row) => row.id), deliveryIds: deliveries.map((delivery) => delivery.id) };
}

// One event; `only` sends it to that endpoint alone, subscribed or not (the dashboard's test event).
export async function emitWebhookEvent<T extends WebhookEventType>(
  tx: Prisma.TransactionClient,
  accountId: string,
  type: T,
  data: WebhookEventData<T>,
  only?: { endpointId: string },
): Promise<{ eventId: string; deliveryIds: string[] }> {
  const { eventIds, deliveryIds } = await emitWebhookEvents(tx, [{ accountId, type, data } as PendingWebhookEvent], only);
  return { eventId: eventIds[0], deliveryIds };
}
