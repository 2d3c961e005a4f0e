import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { storedEventsSchema } from "./schemas";
import type { WebhookEndpointObject } from "./schemas";

// Typed by the documented endpoint object: a field that drifts from webhookEndpointSchema fails typecheck.
export function serializeWebhookEndpoint(endpoint: WebhookEndpoint, secret?: string): WebhookEndpointObject {
  return {
    id: endpoint.id,
    object: "webhook_endpoint" as const,
    url: endpoint.url,
    description: endpoint.description,
    // Stored events were validated against the event types when they were written.
    events: storedEventsSchema.parse(endpoint.events) as WebhookEndpointObject["events"],
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabledReason,
    created_at: endpoint.createdAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}
