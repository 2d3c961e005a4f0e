import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { storedEventsSchema } from "./schemas";

export function serializeWebhookEndpoint(endpoint: WebhookEndpoint, secret?: string) {
  return {
    id: endpoint.id,
    object: "webhook_endpoint" as const,
    url: endpoint.url,
    description: endpoint.description,
    events: storedEventsSchema.parse(endpoint.events),
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabledReason,
    created_at: endpoint.createdAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}
