import { apiKeyActor } from "@/lib/api/api-key-actor";
import { defineOperation, response } from "@/lib/api/operation";
import { toList } from "@/lib/api/pagination";
import { deletedAnswer, listExample } from "@/lib/api/response-schemas";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, listWebhookEndpoints, updateWebhookEndpoint } from "./endpoints";
import {
  createWebhookEndpointSchema,
  deletedWebhookEndpointSchema,
  listWebhookEndpointsQuerySchema,
  updateWebhookEndpointSchema,
  WEBHOOK_ENDPOINT_EXAMPLE,
  webhookEndpointListSchema,
  webhookEndpointSchema,
} from "./schemas";
import { serializeWebhookEndpoint } from "./serialize";

const TAG = "Webhook endpoints";

const endpointResponse = (description: string) => response({ description, schema: webhookEndpointSchema, example: WEBHOOK_ENDPOINT_EXAMPLE });

export const createWebhookEndpointOperation = defineOperation({
  method: "POST",
  path: "/api/v1/webhook-endpoints",
  operationId: "createWebhookEndpoint",
  tag: TAG,
  summary: "Add a webhook endpoint",
  description: "The answer carries the endpoint's signing secret (whsec_…) this once; verify deliveries with it (Standard Webhooks).",
  permission: "webhooks:write",
  body: createWebhookEndpointSchema,
  responses: {
    201: response({
      description: "The endpoint, with its secret.",
      schema: webhookEndpointSchema,
      example: { ...WEBHOOK_ENDPOINT_EXAMPLE, secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
    }),
  },
  example: { url: "https://hooks.example.com/switchboard", events: ["call.completed"] },
  handler: async ({ request, apiKey, accountId, body }) => {
    const { endpoint, secret } = await createWebhookEndpoint(accountId, body, apiKeyActor(request, apiKey));
    return { status: 201, body: serializeWebhookEndpoint(endpoint, secret) };
  },
});

export const listWebhookEndpointsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/webhook-endpoints",
  operationId: "listWebhookEndpoints",
  tag: TAG,
  summary: "List webhook endpoints",
  permission: "webhooks:read",
  query: listWebhookEndpointsQuerySchema,
  responses: {
    200: response({ description: "A list of endpoints (without secrets).", schema: webhookEndpointListSchema, example: listExample(WEBHOOK_ENDPOINT_EXAMPLE) }),
  },
  handler: async ({ accountId, query }) => ({
    status: 200,
    body: toList(await listWebhookEndpoints(accountId, query), query.limit, (endpoint) => serializeWebhookEndpoint(endpoint)),
  }),
});

export const getWebhookEndpointOperation = defineOperation({
  method: "GET",
  path: "/api/v1/webhook-endpoints/{id}",
  operationId: "getWebhookEndpoint",
  tag: TAG,
  summary: "Retrieve a webhook endpoint",
  permission: "webhooks:read",
  idPrefix: "we",
  responses: { 200: endpointResponse("The endpoint (without its secret).") },
  handler: async ({ accountId, params }) => ({ status: 200, body: serializeWebhookEndpoint(await getWebhookEndpoint(accountId, params.id)) }),
});

export const updateWebhookEndpointOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/webhook-endpoints/{id}",
  operationId: "updateWebhookEndpoint",
  tag: TAG,
  summary: "Update a webhook endpoint",
  description: "Change the URL, description or events, or pause (enabled: false) and resume deliveries.",
  permission: "webhooks:write",
  idPrefix: "we",
  body: updateWebhookEndpointSchema,
  responses: { 200: endpointResponse("The updated endpoint.") },
  example: { enabled: false },
  handler: async ({ request, apiKey, accountId, params, body }) => ({
    status: 200,
    body: serializeWebhookEndpoint(await updateWebhookEndpoint(accountId, params.id, body, apiKeyActor(request, apiKey))),
  }),
});

export const deleteWebhookEndpointOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/webhook-endpoints/{id}",
  operationId: "deleteWebhookEndpoint",
  tag: TAG,
  summary: "Delete a webhook endpoint",
  permission: "webhooks:write",
  idPrefix: "we",
  responses: {
    200: response({
      description: "The endpoint is deleted.",
      schema: deletedWebhookEndpointSchema,
      example: { id: WEBHOOK_ENDPOINT_EXAMPLE.id, object: "webhook_endpoint", deleted: true },
    }),
  },
  handler: async ({ request, apiKey, accountId, params }) => {
    await deleteWebhookEndpoint(accountId, params.id, apiKeyActor(request, apiKey));
    return { status: 200, body: deletedAnswer("webhook_endpoint", params.id) };
  },
});

// This feature's endpoints, in the order the reference presents them.
export const webhookOperations = [
  createWebhookEndpointOperation,
  listWebhookEndpointsOperation,
  getWebhookEndpointOperation,
  updateWebhookEndpointOperation,
  deleteWebhookEndpointOperation,
] as const;
