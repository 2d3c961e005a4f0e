import { z } from "zod";
import { accountSchema } from "@/lib/api-keys/account-schema";
import { exampleId, idSchema, timestampSchema } from "@/lib/api/response-schemas";
import { CALL_EXAMPLE, callSchema } from "@/lib/calls/schemas";
import { CONTACT_EXAMPLE, contactSchema } from "@/lib/contacts/schemas";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";

// The one description of what each event carries. emitWebhookEvent takes `data` typed by these
// schemas, the OpenAPI document's `webhooks` section and the events API's answers are generated
// from them, and /docs/api lists them: a payload cannot change without its documentation.

// What webhooks say about a key: never its secret or hash.
export const apiKeyEventDataSchema = z
  .object({
    id: z.string().meta({ description: "The key's id." }),
    object: z.literal("api_key"),
    name: z.string(),
    display: accountSchema.shape.api_key.shape.display,
    permissions: accountSchema.shape.api_key.shape.permissions,
    created_at: timestampSchema,
    expires_at: timestampSchema.nullable(),
  })
  .meta({ id: "ApiKeyEventData", description: "The key that was created or revoked; never its secret." });

export const apiKeyExpiringEventDataSchema = apiKeyEventDataSchema
  .extend({
    expires_at: timestampSchema,
    expires_in_days: z.union([z.literal(7), z.literal(1)]).meta({ description: "Sent once 7 days and once 1 day before the key expires." }),
  })
  .meta({ id: "ApiKeyExpiringEventData", description: "A key that expires soon; never its secret." });
// A key revoked because it was reported or submitted as leaked: which key, when, and where it was
// found. Never the secret, not even the part the report carried.
export const leakedApiKeyEventDataSchema = z
  .object({
    id: z.string().meta({ description: "The key's id." }),
    object: z.literal("api_key"),
    name: z.string(),
    display: accountSchema.shape.api_key.shape.display,
    leaked_at: timestampSchema.meta({ description: "When the key was revoked as leaked." }),
    source: z.string().meta({
      description: 'Where it was found: the URL a GitHub secret-scanning report names, or "credentials/revoke" when it was submitted to POST /api/v1/credentials/revoke.',
    }),
  })
  .meta({ id: "LeakedApiKeyEventData", description: "The key that was revoked as leaked; never its secret." });

export const deletedContactEventDataSchema = contactSchema
  .extend({ deleted: z.literal(true) })
  .meta({ id: "DeletedContactEventData", description: "The contact as it was when it was deleted." });

export const pingEventDataSchema = z
  .object({ object: z.literal("ping"), message: z.string() })
  .meta({ id: "PingEventData", description: "A test event, sent to one endpoint from the dashboard." });

export const EVENT_DATA_SCHEMAS = {
  "call.queued": callSchema,
  "call.ringing": callSchema,
  "call.completed": callSchema,
  "call.no_answer": callSchema,
  "call.failed": callSchema,
  "call.canceled": callSchema,
  "inbound_call.routed": callSchema,
  "contact.created": contactSchema,
  "contact.updated": contactSchema,
  "contact.deleted": deletedContactEventDataSchema,
  "api_key.created": apiKeyEventDataSchema,
  "api_key.revoked": apiKeyEventDataSchema,
  "api_key.expiring": apiKeyExpiringEventDataSchema,
  "api_key.leaked": leakedApiKeyEventDataSchema,
  ping: pingEventDataSchema,
} as const satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookEventData<T extends WebhookEventType> = z.output<(typeof EVENT_DATA_SCHEMAS)[T]>;

export const EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "call.queued": "An outbound call was accepted and queued.",
  "call.ringing": "A call started ringing.",
  "call.completed": "A call was answered and has ended; with its duration, transcript and summary.",
  "call.no_answer": "Nobody answered a call.",
  "call.failed": "A call could not be connected.",
  "call.canceled": "A queued or ringing call was canceled.",
  "inbound_call.routed": "An inbound call was routed by the routing rules (or the default route).",
  "contact.created": "A contact was created.",
  "contact.updated": "A contact was changed (also by an upsert that found it by external_id).",
  "contact.deleted": "A contact was deleted.",
  "api_key.created": "An API key was generated (or rolled: the new key).",
  "api_key.revoked": "An API key was deleted (or rolled: the old key, once it stops working).",
  "api_key.expiring": "An API key expires in 7 days, or in 1 day: sent once each, so there is time to roll it.",
  "api_key.leaked": "An API key was found in public (a GitHub secret-scanning report, or submitted to POST /api/v1/credentials/revoke) and revoked at once.",
  ping: "A test event sent from Integration Settings to one endpoint.",
};

const apiKeyExample: WebhookEventData<"api_key.created"> = {
  id: "cmi4q7x2a0001k3v9d2r8s1f6h",
  object: "api_key",
  name: "Zapier",
  display: "sb_live_Ab…x9Z1",
  permissions: { calls: "write", contacts: "write", routing: "write", webhooks: "write" },
  created_at: "2026-11-30T09:00:00.000Z",
  expires_at: null,
};

const notEnded = { duration_seconds: null, transcript: null, summary: null, answered_at: null, ended_at: null };

export const EVENT_DATA_EXAMPLES: { [T in WebhookEventType]: WebhookEventData<T> } = {
  "call.queued": { ...CALL_EXAMPLE, ...notEnded, status: "queued", ringing_at: null },
  "call.ringing": { ...CALL_EXAMPLE, ...notEnded, status: "ringing" },
  "call.completed": CALL_EXAMPLE,
  "call.no_answer": { ...CALL_EXAMPLE, ...notEnded, status: "no_answer", ended_at: "2026-11-30T09:00:31.000Z" },
  "call.failed": { ...CALL_EXAMPLE, ...notEnded, status: "failed", ended_at: "2026-11-30T09:00:02.000Z" },
  "call.canceled": { ...CALL_EXAMPLE, ...notEnded, status: "canceled", ended_at: "2026-11-30T09:00:02.000Z" },
  "inbound_call.routed": {
    ...CALL_EXAMPLE,
    ...notEnded,
    direction: "inbound",
    status: "ringing",
    to: "+14155550100",
    from: "+442079460123",
    agent: "Booking assistant",
    variables: {},
    api_key_id: "cmi4q7x2a0000k3v9d2r8s1f6h",
    routing: { rule_id: exampleId("rule"), action: "agent", target: "Booking assistant" },
  },
  "contact.created": CONTACT_EXAMPLE,
  "contact.updated": { ...CONTACT_EXAMPLE, company: "Analytical Engines Ltd", updated_at: "2026-11-30T10:00:00.000Z" },
  "contact.deleted": { ...CONTACT_EXAMPLE, deleted: true },
  "api_key.created": apiKeyExample,
  "api_key.revoked": apiKeyExample,
  "api_key.expiring": { ...apiKeyExample, expires_at: "2026-12-07T09:00:00.000Z", expires_in_days: 7 },
  "api_key.leaked": {
    id: apiKeyExample.id,
    object: "api_key",
    name: apiKeyExample.name,
    display: apiKeyExample.display,
    leaked_at: "2026-11-30T09:30:00.000Z",
    source: "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/.env",
  },
  ping: { object: "ping", message: "Test event from Switchboard" },
};

// call.no_answer → CallNoAnswerEvent: the component name of one event type's envelope.
export function eventComponentName(type: WebhookEventType): string {
  return `${type
    .split(/[._]/)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join("")}Event`;
}

// The envelope every delivery's body is, and every events API answer: the same bytes either way.
export type EventObject<T extends WebhookEventType = WebhookEventType> = {
  [K in T]: { id: string; object: "event"; type: K; created_at: string; data: WebhookEventData<K> };
}[T];

function eventEnvelopeSchema<T extends WebhookEventType>(type: T) {
  return z
    .object({
      id: idSchema("evt", "The event's id; the same as the webhook-id header of its deliveries."),
      object: z.literal("event"),
      type: z.literal(type),
      created_at: timestampSchema.meta({ description: "When the event happened." }),
      data: EVENT_DATA_SCHEMAS[type],
    })
    .meta({ id: eventComponentName(type), description: EVENT_DESCRIPTIONS[type] });
}

const ENVELOPES = WEBHOOK_EVENT_TYPES.map((type) => eventEnvelopeSchema(type));

// Typed per event type by hand: zod infers one wide object for a schema built from a union of types.
export const EVENT_SCHEMAS = Object.fromEntries(ENVELOPES.map((schema) => [schema.shape.type.value, schema])) as unknown as {
  [T in WebhookEventType]: z.ZodType<EventObject<T>>;
};

// One event of any type; `type` says which payload `data` holds.
export const eventSchema = z
  .discriminatedUnion("type", ENVELOPES as [(typeof ENVELOPES)[number], ...(typeof ENVELOPES)[number][]])
  .meta({ id: "Event", description: "Something that happened in the account, exactly as webhooks deliver it; `type` says which payload `data` holds." }) as unknown as z.ZodType<EventObject>;

export function eventExample<T extends WebhookEventType>(type: T, id = exampleId("evt")): EventObject<T> {
  return { id, object: "event", type, created_at: "2026-11-30T09:00:46.000Z", data: EVENT_DATA_EXAMPLES[type] } as EventObject<T>;
}
