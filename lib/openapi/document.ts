import { z } from "zod";
import { isPhoneNumberSchema } from "@/lib/api/common-schemas";
import type { Operation } from "@/lib/api/operation";
import { errorSchema, type ErrorObject } from "@/lib/api/response-schemas";
import { unwrapField } from "@/lib/api/tolerant-input";
import { idPattern } from "@/lib/ids/new-id";
import { webhooksSection } from "./webhooks";

type JsonSchema = Record<string, unknown> & { $defs?: Record<string, JsonSchema>; properties?: Record<string, JsonSchema>; required?: string[] };

// The error answers of every key-authenticated operation, each with the error object.
const ERROR_RESPONSES: Record<string, string> = {
  "400": "invalid_request_error: the request is malformed; `param` names the field.",
  "401": "authentication_error: no key, or a malformed, unknown, revoked or expired key.",
  "403": "permission_error: the key lacks the operation's permission (`missing_permission`), or the request comes from an address outside the key's IP allowlist (`ip_not_allowed`).",
  "404": "not_found_error: no such object in this account.",
  "409": "conflict_error: the object's state forbids this, or an Idempotency-Key was reused with another request.",
  "429": "rate_limit_error: too many requests; retry after Retry-After seconds.",
};

const ERROR_EXAMPLES: Record<string, ErrorObject> = {
  "400": { error: { type: "invalid_request_error", code: "invalid_parameter", message: "to: must be a phone number, like +14155550123 or (415) 555-0123.", param: "to" } },
  "401": { error: { type: "authentication_error", code: "invalid_api_key", message: "This API key does not exist. Check the key, or create one in Integration Settings." } },
  "403": { error: { type: "permission_error", code: "missing_permission", message: "This API key lacks the calls:write permission (Calls: Write)." } },
  "404": { error: { type: "not_found_error", code: "resource_missing", message: "No such object in this account." } },
  "409": { error: { type: "conflict_error", code: "call_not_cancelable", message: "The call is completed; only queued or ringing calls can be canceled." } },
  "429": { error: { type: "rate_limit_error", code: "rate_limited", message: "Rate limit of 100 requests exceeded for this API key. Retry after 12 s." } },
};

// JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a client may send, or of what it gets.
// A phone number field's E.164 pattern is what is stored and answered, not what may be sent
// (written forms are normalized first, tolerant-input.ts), so a client's own validation
// following the document must not refuse "(415) 555-0123".
export function inputJsonSchema(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (io === "input" && isPhoneNumberSchema(zodSchema)) delete jsonSchema.pattern;
    },
  }) as JsonSchema;
  return json;
}

const REQUEST_BODY_DESCRIPTION =
  "JSON, or form fields (application/x-www-form-urlencoded) with bracket notation for nested values: metadata[plan]=gold, events[]=call.completed. " +
  'An optional field sent as "" or null counts as not sent (null still clears a field that accepts null); numbers and booleans may be sent as strings ("1", "true"); ' +
  "phone numbers may be written as +1 (415) 555-0123 or 415-555-0123.";

// How a form body spells the fields that are not plain values: objects in bracket notation
// (deepObject); lists as repeated names (form style, exploded), also accepted as events[]=….
function formEncoding(schema: z.ZodType): Record<string, { style: string; explode: boolean }> {
  const encoding: Record<string, { style: string; explode: boolean }> = {};
  for (const [name, field] of Object.entries(objectShape(schema))) {
    const type = unwrapField(field).core._zod.def.type;
    if (type === "object" || type === "record") encoding[name] = { style: "deepObject", explode: true };
    if (type === "array") encoding[name] = { style: "form", explode: true };
  }
  return encoding;
}

function requestBody(body: z.ZodType, example: Operation["example"], components: Record<string, JsonSchema>) {
  const schema = hoist(inputJsonSchema(body), components);
  const encoding = formEncoding(body);
  return {
    required: true,
    description: REQUEST_BODY_DESCRIPTION,
    content: {
      "application/json": { schema, ...(example ? { example } : {}) },
      "application/x-www-form-urlencoded": { schema, ...(Object.keys(encoding).length > 0 ? { encoding } : {}) },
    },
  };
}

// Moves named sub-schemas into components.schemas and points at them there.
function hoist(json: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const pointAtComponents = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/'));
  const { $defs, ...rest } = json;
  for (const [name, definition] of Object.entries($defs ?? {})) components[name] = pointAtComponents(definition);
  return pointAtComponents(rest);
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape?: Record<string, z.ZodType> }).shape ?? {};
}

export function queryParameters(operation: Operation) {
  if (!operation.query) return [];
  return Object.entries(objectShape(operation.query)).map(([name, field]) => {
    const { description, ...schema } = inputJsonSchema(field);
    return { name, in: "query", required: !field.safeParse(undefined).success, description, schema };
  });
}

function pathItem(operation: Operation, components: Record<string, JsonSchema>) {
  const parameters: Record<string, unknown>[] = [];
  if (operation.idPrefix) {
    parameters.push({ name: "id", in: "path", required: true, description: `The ${operation.idPrefix} id.`, schema: { type: "string", pattern: idPattern(operation.idPrefix).source } });
  }
  parameters.push(...queryParameters(operation));
  // Idempotency is kept per account, which a public operation does not have.
  if (operation.method === "POST" && operation.access === "api_key") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Retry safely: a repeat with the same key and body within 24 h replays the first answer.",
      schema: { type: "string", maxLength: 255 },
    });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(operation.responses)) {
    responses[status] = {
      description: answer.description,
      content: { "application/json": { schema: hoist(inputJsonSchema(answer.schema, "output"), components), example: answer.example } },
    };
  }
  if (operation.access === "api_key") {
    for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
      responses[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example: ERROR_EXAMPLES[status] } } };
    }
  }
  for (const [status, { description, example }] of Object.entries(operation.errors ?? {})) {
    responses[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" }, example } } };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.tag],
    // Public operations need no key.
    ...(operation.access === "public" ? { security: [] } : {}),
    ...(operation.permission ? { "x-permission": operation.permission } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: requestBody(operation.body, operation.example, components) } : {}),
    responses,
  };
}

const TAG_DESCRIPTIONS: Record<string, string> = {
  Account: "The account and key a request is made with.",
  Calls: "Outbound AI calls: launch, follow, cancel.",
  Contacts: "The people calls are about, synced from your CRM.",
  Routing: "Where inbound calls go.",
  "Webhook endpoints": "URLs that receive signed events as things happen.",
  Events: "Every event webhooks deliver, kept 30 days: catch up after downtime, or poll instead of subscribing.",
  Service: "Health and this document; no key needed.",
  "Leaked keys": "Report exposed keys so they are revoked at once; no key needed.",
  Webhooks: "What Switchboard POSTs to your webhook endpoints, one entry per event type.",
};

export function buildOpenApiDocument(serverUrl: string, operations: readonly Operation[]) {
  const components: Record<string, JsonSchema> = {};
  hoist(inputJsonSchema(errorSchema, "output"), components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = pathItem(operation, components);
  }
  const webhooks = webhooksSection((schema) => hoist(inputJsonSchema(schema, "output"), components));
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchboard API",
      version: "1",
      description: "Launch AI calls, read call data, sync contacts and drive inbound call routing. Human-readable reference: /docs/api.",
      license: { name: "Proprietary", url: `${serverUrl}/docs/api` },
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    tags: [...new Set([...operations.map((operation) => operation.tag), "Webhooks"])].map((name) => ({ name, description: TAG_DESCRIPTIONS[name] ?? name })),
    paths,
    webhooks,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer sb_live_…" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
      },
    },
  };
}

