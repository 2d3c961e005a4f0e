import { apiKeyActor } from "@/lib/api/api-key-actor";
import { toList } from "@/lib/api/pagination";
import { withApiKey } from "@/lib/api/with-api-key";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhookEndpointOperation, listWebhookEndpointsOperation } from "@/lib/webhooks/operations";
import { serializeWebhookEndpoint } from "@/lib/webhooks/serialize";

// POST /api/v1/webhook-endpoints: add an endpoint; its signing secret is in this answer only.
export const POST = withApiKey(createWebhookEndpointOperation, async ({ request, apiKey, accountId, body }) => {
  const { endpoint, secret } = await createWebhookEndpoint(accountId, body, apiKeyActor(request, apiKey));
  return Response.json(serializeWebhookEndpoint(endpoint, secret), { status: 201 });
});

// GET /api/v1/webhook-endpoints: the account's endpoints, newest first.
export const GET = withApiKey(listWebhookEndpointsOperation, async ({ accountId, query }) =>
  Response.json(toList(await listWebhookEndpoints(accountId, query), query.limit, (endpoint) => serializeWebhookEndpoint(endpoint))),
);
