import { z } from "zod";
import { listQuerySchema } from "@/lib/api/pagination";
import { deletedSchema, exampleId, idSchema, listSchema, timestampSchema } from "@/lib/api/response-schemas";
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from "./event-types";

const urlSchema = z
  .string({ error: "Enter the URL that should receive events." })
  .trim()
  .min(1, "Enter the URL that should receive events.")
  .max(2048, "URLs can be at most 2048 characters.")
  .meta({ description: "The https URL that receives events.", example: "https://hooks.example.com/switchboard" });

const eventsSchema = z
  .array(z.enum([ALL_EVENTS, ...WEBHOOK_EVENT_TYPES], { error: `must be "*" or event types such as call.completed.` }))
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_TYPES.length + 1)
  .meta({ description: `Event types to receive, or ["*"] for all: ${WEBHOOK_EVENT_TYPES.join(", ")}.` });

const descriptionSchema = z.string().trim().max(200, "Descriptions can be at most 200 characters.").meta({ description: "What this endpoint is for." });

export const createWebhookEndpointSchema = z
  .strictObject({
    url: urlSchema,
    description: descriptionSchema.optional(),
    events: eventsSchema.default([ALL_EVENTS]),
  })
  .meta({ id: "CreateWebhookEndpoint" });

export const updateWebhookEndpointSchema = z
  .strictObject({
    url: urlSchema.optional(),
    description: descriptionSchema.nullable().optional(),
    events: eventsSchema.optional(),
    enabled: z.boolean({ error: "must be true or false." }).optional().meta({ description: "false pauses deliveries; true resumes them." }),
  })
  .meta({ id: "UpdateWebhookEndpoint" });

// An endpoint's stored event list (a Json column) as the app reads it; one that is not a list of
// strings (written around the app) subscribes to nothing.
export const storedEventsSchema = z.array(z.string()).catch(() => []);

export type CreateWebhookEndpointInput = z.infer<typeof createWebhookEndpointSchema>;
export type UpdateWebhookEndpointInput = z.infer<typeof updateWebhookEndpointSchema>;

export const listWebhookEndpointsQuerySchema = listQuerySchema("we").meta({ id: "ListWebhookEndpointsQuery" });

// The webhook endpoint object the API answers with; `secret` only in the answer that created it.
export const webhookEndpointSchema = z
  .object({
    id: idSchema("we", "The endpoint's id."),
    object: z.literal("webhook_endpoint"),
    url: z.string().meta({ description: "The URL that receives events." }),
    description: z.string().nullable(),
    events: z.array(z.enum([ALL_EVENTS, ...WEBHOOK_EVENT_TYPES])).meta({ description: "Event types it receives; [\"*\"] for all." }),
    enabled: z.boolean().meta({ description: "false: deliveries are paused." }),
    disabled_reason: z.string().nullable().meta({ description: "Why the endpoint is paused: after 20 consecutive failed deliveries, at once when the receiver answers 410 Gone, or by you; null while enabled." }),
    created_at: timestampSchema,
    secret: z.string().optional().meta({ description: "The signing secret (whsec_…): only in the answer that created the endpoint." }),
  })
  .meta({ id: "WebhookEndpoint" });

export type WebhookEndpointObject = z.output<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = listSchema(webhookEndpointSchema, "WebhookEndpointList");
export const deletedWebhookEndpointSchema = deletedSchema("webhook_endpoint", "we", "DeletedWebhookEndpoint");

export const WEBHOOK_ENDPOINT_EXAMPLE: WebhookEndpointObject = {
  id: exampleId("we"),
  object: "webhook_endpoint",
  url: "https://hooks.example.com/switchboard",
  description: null,
  events: ["call.completed"],
  enabled: true,
  disabled_reason: null,
  created_at: "2026-11-30T09:00:00.000Z",
};
