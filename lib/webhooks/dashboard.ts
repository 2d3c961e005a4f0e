import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors/domain-errors";
import { claimDelivery, attemptDelivery } from "./deliveries";
import { getWebhookEndpoint } from "./endpoints";
import { emitWebhookEvent } from "./outbox";
import { storedEventsSchema } from "./schemas";

const LOG_SIZE = 100;

export type DeliveryAttemptRow = {
  id: string;
  deliveryId: string;
  eventType: string;
  createdAt: Date;
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  succeeded: boolean;
  responseExcerpt: string | null;
  error: string | null;
};

export type EndpointWithLog = {
  id: string;
  url: string;
  description: string | null;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
  createdAt: Date;
  attempts: DeliveryAttemptRow[];
};

// The Webhook Integration section: each endpoint with its last 100 delivery attempts.
export async function listEndpointsWithLog(accountId: string): Promise<EndpointWithLog[]> {
  const endpoints = await db.webhookEndpoint.findMany({ where: { accountId: accountId }, orderBy: { id: "asc" } });
  return Promise.all(
    endpoints.map(async (endpoint) => {
      const attempts = await db.webhookAttempt.findMany({
        where: { endpointId: endpoint.id },
        orderBy: { id: "desc" },
        take: LOG_SIZE,
        include: { delivery: { select: { event: { select: { type: true } } } } },
      });
      return {
        id: endpoint.id,
        url: endpoint.url,
        description: endpoint.description,
        events: storedEventsSchema.parse(endpoint.events),
        enabled: endpoint.enabled,
        disabledReason: endpoint.disabledReason,
        createdAt: endpoint.createdAt,
        attempts: attempts.map(({ delivery, ...attempt }) => ({ ...attempt, eventType: delivery.event.type })),
      };
    }),
  );
}

const endpointDisabled = () => new ConflictError("endpoint_disabled", "This endpoint is disabled. Enable it to send a test event.");

// Sends a ping to one endpoint now, through the same outbox and delivery path as real events.
// Another account's endpoint is a not_found, like a missing one, and records no event.
export async function sendTestEvent(accountId: string, endpointId: string) {
  if (!(await getWebhookEndpoint(accountId, endpointId)).enabled) throw endpointDisabled();
  const { deliveryIds } = await db.$transaction((tx) =>
    emitWebhookEvent(tx, accountId, "ping", { object: "ping", message: "Test event from Switchboard" }, { endpointId }),
  );
  if (deliveryIds.length === 0) throw endpointDisabled();
  // The background worker may get there first; then its attempt is the one that shows in the log.
  if (!(await claimDelivery(deliveryIds[0]))) return null;
  return attemptDelivery(deliveryIds[0]);
}
