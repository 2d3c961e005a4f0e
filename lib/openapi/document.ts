import { z } from "zod";
import { API_ERROR_TYPES } from "@/lib/api/errors";
import type { Operation } from "@/lib/api/operation";
import { idPattern } from "@/lib/ids/new-id";
import { OPERATIONS } from "./operations";
import { publicUrl } from "@/lib/env";

type JsonSchema = Record<string, unknown> & { $defs?: Record<string, JsonSchema>; properties?: Record<string, JsonSchema>; required?: string[] };

const ERROR_RESPONSES: Record<string, string> = {
  "400": "invalid_request_error: the request is malformed; `param` names the field.",
  "401": "authentication_error: no key, or a malformed, unknown, revoked or expired key.",
  "403": "permission_error: the key lacks the operation's permission.",
  "404": "not_found_error: no such object in this account.",
  "409": "conflict_error: the object's state forbids this, or an Idempotency-Key was reused with another request.",
  "429": "rate_limit_error: too many requests; retry after Retry-After seconds.",
};

const errorSchema = z
  .object({
    error: z.object({
      type: z.enum(API_ERROR_TYPES),
      code: z.string().meta({ description: "A stable, machine-readable reason, e.g. revoked_api_key." }),
      message: z.string().meta({ description: "What went wrong and how to fix it, for people." }),
      param: z.string().optional().meta({ description: "The field, path parameter or header at fault." }),
    }),
  })
  .meta({ id: "Error" });

// JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what a client may send.
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return json;
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
  if (operation.method === "POST") {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: "Retry safely: a repeat with the same key and body within 24 h replays the first answer.",
      schema: { type: "string", maxLength: 255 },
    });
  }
  const responses: Record<string, unknown> = {
    [operation.success.status]: { description: operation.success.description },
  };
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    responses[status] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  }
  return {
    operationId: `${operation.method.toLowerCase()}${operation.path.replace(/\/api\/v1|[{}]/g, "").replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: operation.summary,
    description: operation.description,
    tags: [operation.tag],
    ...(operation.permission ? { "x-permission": operation.permission } : {}),
    parameters,
    ...(operation.body
      ? { requestBody: { required: true, content: { "application/json": { schema: hoist(inputJsonSchema(operation.body), components), ...(operation.example ? { example: operation.example } : {}) } } } }
      : {}),
    responses,
  };
}

export function buildOpenApiDocument(serverUrl: string, operations: Operation[] = OPERATIONS) {
  const components: Record<string, JsonSchema> = {};
  hoist(inputJsonSchema(errorSchema), components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = pathItem(operation, components);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchboard API",
      version: "1",
      description: "Launch AI calls, read call data, sync contacts and drive inbound call routing. Human-readable reference: /docs/api.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    tags: [...new Set(operations.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer sb_live_…" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
      },
    },
  };
}

// The public URL the reference and curl examples name.
export function publicBaseUrl(): string {
  return publicUrl();
}
