import { defineOperation } from "@/lib/api/operation";
import { createWebhookEndpointSchema, listWebhookEndpointsQuerySchema, updateWebhookEndpointSchema } from "./schemas";

const TAG = "Webhook endpoints";

export const createWebhookEndpointOperation = defineOperation({
  method: "POST",
  path: "/api/v1/webhook-endpoints",
  tag: TAG,
  summary: "Add a webhook endpoint",
  description: "The answer carries the endpoint's signing secret (whsec_…) this once; verify deliveries with it (Standard Webhooks).",
  permission: "webhooks:write",
  body: createWebhookEndpointSchema,
  success: { status: 201, description: "The endpoint, with its secret." },
  example: { url: "https://hooks.example.com/switchboard", events: ["call.completed"] },
});

export const listWebhookEndpointsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/webhook-endpoints",
  tag: TAG,
  summary: "List webhook endpoints",
  permission: "webhooks:read",
  query: listWebhookEndpointsQuerySchema,
  success: { status: 200, description: "A list of endpoints (without secrets)." },
});

export const getWebhookEndpointOperation = defineOperation({
  method: "GET",
  path: "/api/v1/webhook-endpoints/{id}",
  tag: TAG,
  summary: "Retrieve a webhook endpoint",
  permission: "webhooks:read",
  idPrefix: "we",
  success: { status: 200, description: "The endpoint (without its secret)." },
});

export const updateWebhookEndpointOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/webhook-endpoints/{id}",
  tag: TAG,
  summary: "Update a webhook endpoint",
  description: "Change the URL, description or events, or pause (enabled: false) and resume deliveries.",
  permission: "webhooks:write",
  idPrefix: "we",
  body: updateWebhookEndpointSchema,
  success: { status: 200, description: "The updated endpoint." },
  example: { enabled: false },
});

export const deleteWebhookEndpointOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/webhook-endpoints/{id}",
  tag: TAG,
  summary: "Delete a webhook endpoint",
  permission: "webhooks:write",
  idPrefix: "we",
  success: { status: 200, description: "{id, object, deleted: true}." },
});
