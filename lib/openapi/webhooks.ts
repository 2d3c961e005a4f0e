import type { z } from "zod";
import { EVENT_DESCRIPTIONS, EVENT_SCHEMAS, eventExample } from "@/lib/webhooks/event-payloads";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

// The Standard Webhooks headers every delivery carries.
const SIGNATURE_HEADERS = [
  { name: "webhook-id", description: "The event's id (evt_…): the same for every retry, so receivers can drop duplicates.", example: "evt_mi4q7x2a0k3v9d2r8s1f6h5j0" },
  { name: "webhook-timestamp", description: "When this attempt was sent, in Unix seconds; refuse old ones to stop replays.", example: "1796029246" },
  {
    name: "webhook-signature",
    description: 'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>"> under the endpoint\'s whsec_ secret; during a secret roll, two space-separated signatures.',
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  },
];

// OpenAPI 3.1's `webhooks`: what Switchboard POSTs to an endpoint, one entry per event type, with
// the same envelope schemas that type emitWebhookEvent and the events API. `schemaOf` turns a zod
// schema into the document's JSON Schema (moving named parts into components).
export function webhooksSection(schemaOf: (schema: z.ZodType) => Record<string, unknown>) {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `${type.replace(/[._](\w)/g, (_, letter: string) => letter.toUpperCase())}Webhook`,
          summary: type,
          description: `${EVENT_DESCRIPTIONS[type]} Sent to every enabled endpoint subscribed to ${type} (or *), signed the Standard Webhooks way; the same object GET /api/v1/events/{id} answers.`,
          tags: ["Webhooks"],
          security: [],
          parameters: SIGNATURE_HEADERS.map(({ name, description, example }) => ({ name, in: "header", required: true, description, schema: { type: "string" }, example })),
          requestBody: { required: true, content: { "application/json": { schema: schemaOf(EVENT_SCHEMAS[type]), example: eventExample(type) } } },
          responses: {
            "200": { description: "Any 2xx acknowledges the delivery. Other answers and timeouts (10 s) are retried with backoff; 20 failures in a row disable the endpoint." },
          },
        },
      },
    ]),
  );
}
