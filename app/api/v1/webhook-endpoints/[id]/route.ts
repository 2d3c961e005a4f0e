import { apiKeyActor } from "@/lib/api/api-key-actor";
import { withApiKey } from "@/lib/api/with-api-key";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import {
  deleteWebhookEndpointOperation,
  getWebhookEndpointOperation,
  updateWebhookEndpointOperation,
} from "@/lib/webhooks/operations";
import { serializeWebhookEndpoint } from "@/lib/webhooks/serialize";

// GET /api/v1/webhook-endpoints/{id}
export const GET = withApiKey(getWebhookEndpointOperation, async ({ accountId, params }) =>
  Response.json(serializeWebhookEndpoint(await getWebhookEndpoint(accountId, params.id))),
);

// PATCH /api/v1/webhook-endpoints/{id}: change, pause or resume an endpoint.
export const PATCH = withApiKey(updateWebhookEndpointOperation, async ({ request, apiKey, accountId, params, body }) =>
  Response.json(serializeWebhookEndpoint(await updateWebhookEndpoint(accountId, params.id, body, apiKeyActor(request, apiKey)))),
);

// DELETE /api/v1/webhook-endpoints/{id}
export const DELETE = withApiKey(deleteWebhookEndpointOperation, async ({ request, apiKey, accountId, params }) => {
  await deleteWebhookEndpoint(accountId, params.id, apiKeyActor(request, apiKey));
  return Response.json({ id: params.id, object: "webhook_endpoint", deleted: true });
});
