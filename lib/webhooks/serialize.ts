import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { endpointEvents } from "./endpoints";

export function serializeWebhookEndpoint(endpoint: WebhookEndpoint, secret?: string) {
  return {
    id: endpoint.id,
    object: "webhook_endpoint" as const,
    url: endpoint.url,
    description: endpoint.description,
    events: endpointEvents(endpoint),
    enabled: endpoint.enabled,
    disabled_reason: endpoint.disabledReason,
    created_at: endpoint.createdAt.toISOString(),
    ...(secret ? { secret } : {}),
  };
}
