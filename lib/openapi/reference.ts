import type { Operation } from "@/lib/api/operation";
import { EVENT_DATA_SCHEMAS } from "@/lib/webhooks/event-payloads";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { inputJsonSchema, queryParameters } from "./document";

export type FieldDoc = { name: string; type: string; required: boolean; description?: string };

type Json = Record<string, unknown>;

function typeOf(schema: Json): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((value) => JSON.stringify(value)).join(" | ");
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeOf).join(" | ");
  if (schema.type === "object" && schema.additionalProperties) return "map of string";
  if (schema.type === "array") return `array of ${typeOf((schema.items as Json) ?? {})}`;
  if (typeof schema.type === "string") return schema.pattern ? `${schema.type} (${schema.pattern})` : schema.type;
  return "any";
}

export function fieldsOf(schema: Json, prefix = ""): FieldDoc[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties).flatMap(([name, property]) => {
    const field = { name: prefix + name, type: typeOf(property), required: required.has(name), description: property.description as string | undefined };
    return property.type === "object" && property.properties ? [field, ...fieldsOf(property, `${prefix}${name}.`)] : [field];
  });
}

export function bodyFields(operation: Operation): FieldDoc[] {
  if (!operation.body) return [];
  const json = inputJsonSchema(operation.body) as Json & { $ref?: string; $defs?: Record<string, Json> };
  const root = json.$ref ? json.$defs?.[json.$ref.split("/").pop() as string] ?? json : json;
  return fieldsOf(root);
}

export function parameterFields(operation: Operation): (FieldDoc & { in: string })[] {
  const path = operation.idPrefix ? [{ name: "id", in: "path", type: "string", required: true, description: `The ${operation.idPrefix} id.` }] : [];
  const query = queryParameters(operation).map((parameter) => ({
    name: parameter.name,
    in: "query",
    type: typeOf(parameter.schema as Json),
    required: parameter.required,
    description: parameter.description as string | undefined,
  }));
  return [...path, ...query];
}

export function curlExample(operation: Operation, baseUrl: string): string {
  const path = operation.path.replace("{id}", `$${(operation.idPrefix ?? "object").toUpperCase()}_ID`);
  const lines = [`curl${operation.method === "GET" ? "" : ` -X ${operation.method}`} "${baseUrl}${path}"`];
  if (operation.access === "api_key") lines.push(`  -H "Authorization: Bearer $SWITCHBOARD_KEY"`);
  if (operation.body) {
    lines.push(`  -H "Content-Type: application/json"`);
    if (operation.method === "POST" && operation.access === "api_key") lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
    lines.push(`  -d '${JSON.stringify(operation.example ?? {})}'`);
  }
  return lines.join(" \\\n");
}

// The fields of one event type's `data`, for the reference's Webhooks part.
export function eventDataFields(type: WebhookEventType): FieldDoc[] {
  const json = inputJsonSchema(EVENT_DATA_SCHEMAS[type], "output") as Json & { $ref?: string; $defs?: Record<string, Json> };
  const root = json.$ref ? json.$defs?.[json.$ref.split("/").pop() as string] ?? json : json;
  return fieldsOf(root);
}
