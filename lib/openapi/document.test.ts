import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./document";
import { OPERATIONS } from "@/lib/api/registry";
import { curlExample } from "./reference";
import { EVENT_SCHEMAS, eventExample } from "@/lib/webhooks/event-payloads";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

const document = buildOpenApiDocument("https://switchboard.example", OPERATIONS);

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) => (key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner)));
  }
  return [];
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with both ways to send a key", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://switchboard.example" }]);
    expect(Object.keys(document.components.securitySchemes)).toEqual(["bearerAuth", "apiKeyHeader"]);
  });

  it("describes every operation the API serves, with its permission", () => {
    for (const operation of OPERATIONS) {
      const item = document.paths[operation.path]?.[operation.method.toLowerCase()] as Record<string, unknown>;
      expect(item, `${operation.method} ${operation.path}`).toBeDefined();
      expect(item.summary).toBe(operation.summary);
      expect(item["x-permission"]).toBe(operation.access === "api_key" ? operation.permission : undefined);
    }
  });

  it("names operations for SDKs and documents a body for every success answer", () => {
    const ids = OPERATIONS.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(["createCall", "listCalls", "getCall", "cancelCall", "upsertContact", "getMe"]));
    for (const operation of OPERATIONS) {
      const item = document.paths[operation.path][operation.method.toLowerCase()] as { responses: Record<string, { content?: Record<string, unknown> }> };
      const successes = Object.entries(item.responses).filter(([status]) => status.startsWith("2"));
      expect(successes.length, operation.operationId).toBeGreaterThan(0);
      for (const [status, answer] of successes) expect(answer.content?.["application/json"], `${operation.operationId} ${status}`).toBeDefined();
    }
  });

  it("gives every answer an example its own schema accepts", () => {
    for (const operation of OPERATIONS) {
      for (const [status, answer] of Object.entries(operation.responses)) {
        const parsed = answer.schema.safeParse(answer.example);
        expect(parsed.success, `${operation.operationId} ${status}: ${parsed.error?.message}`).toBe(true);
      }
    }
  });

  it("lets public operations go without a key", () => {
    const health = document.paths["/api/v1/health"].get as { security?: unknown[]; responses: Record<string, unknown> };
    expect(health.security).toEqual([]);
    expect(Object.keys(health.responses)).toEqual(["200"]);
  });

  it("takes request bodies from the zod schemas that validate them", () => {
    const create = document.paths["/api/v1/calls"].post as { requestBody: { content: { "application/json": { schema: { $ref: string } } } } };
    const ref = create.requestBody.content["application/json"].schema.$ref;
    expect(ref).toBe("#/components/schemas/CreateCall");
    const schema = document.components.schemas.CreateCall as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { pattern?: string; description?: string; additionalProperties?: unknown }>;
    };
    expect(schema.required).toEqual(["to"]);
    expect(schema.additionalProperties).toBe(false);
    // Written forms are accepted and normalized, so the E.164 pattern is not a rule for senders.
    expect(schema.properties.to.pattern).toBeUndefined();
    expect(schema.properties.to.description).toContain("+1 (415) 555-0123");
    expect(schema.properties.metadata.additionalProperties).toEqual({ anyOf: [{ type: "string", maxLength: 500 }, { type: "number" }, { type: "boolean" }] });
  });

  it("documents form bodies beside JSON, with bracket notation for objects", () => {
    for (const operation of OPERATIONS.filter((op) => op.body)) {
      const documented = document.paths[operation.path][operation.method.toLowerCase()] as {
        requestBody: { description: string; content: Record<string, { schema: unknown; encoding?: Record<string, { style: string }> }> };
      };
      const where = `${operation.method} ${operation.path}`;
      expect(Object.keys(documented.requestBody.content), where).toEqual(["application/json", "application/x-www-form-urlencoded"]);
      expect(documented.requestBody.content["application/x-www-form-urlencoded"].schema, where).toEqual(documented.requestBody.content["application/json"].schema);
      expect(documented.requestBody.description, where).toContain("bracket notation");
    }
    const createCall = document.paths["/api/v1/calls"].post as { requestBody: { content: Record<string, { encoding?: Record<string, { style: string; explode: boolean }> }> } };
    expect(createCall.requestBody.content["application/x-www-form-urlencoded"].encoding).toEqual({
      variables: { style: "deepObject", explode: true },
      metadata: { style: "deepObject", explode: true },
    });
  });

  it("documents query parameters, path ids and Idempotency-Key", () => {
    const list = document.paths["/api/v1/calls"].get as { parameters: { name: string; in: string; required: boolean }[] };
    expect(list.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      "query:limit:false",
      "query:starting_after:false",
      "query:status:false",
      "query:direction:false",
    ]);
    const cancel = document.paths["/api/v1/calls/{id}/cancel"].post as { parameters: { name: string; in: string }[] };
    expect(cancel.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["path:id", "header:Idempotency-Key"]);
  });

  it("has no dangling $ref", () => {
    for (const ref of refsIn(document)) {
      const name = ref.replace("#/components/schemas/", "");
      expect(document.components.schemas, ref).toHaveProperty(name);
    }
  });

  it("gives every write an example body that its own schema accepts", () => {
    for (const operation of OPERATIONS.filter((op) => op.body)) {
      expect(operation.example, `${operation.method} ${operation.path}`).toBeDefined();
      expect(operation.body!.safeParse(operation.example).success, `${operation.method} ${operation.path}`).toBe(true);
    }
  });

  it("writes curl examples with the key in a header, never in the URL", () => {
    const curl = curlExample(OPERATIONS.find((op) => op.method === "POST" && op.path === "/api/v1/calls")!, "https://switchboard.example");
    expect(curl).toContain('curl -X POST "https://switchboard.example/api/v1/calls"');
    expect(curl).toContain('-H "Authorization: Bearer $SWITCHBOARD_KEY"');
    expect(curl).toContain('"to":"+14155550123"');
  });

  it("describes every webhook in the webhooks section, from the schemas that type the deliveries", () => {
    expect(Object.keys(document.webhooks)).toEqual([...WEBHOOK_EVENT_TYPES]);
    for (const type of WEBHOOK_EVENT_TYPES) {
      const post = document.webhooks[type].post;
      const body = post.requestBody.content["application/json"];
      const name = (body.schema as { $ref: string }).$ref.replace("#/components/schemas/", "");
      const schema = document.components.schemas[name] as { properties: { type: { const: string }; data: unknown }; required: string[] };
      expect(schema.properties.type.const, type).toBe(type);
      expect(schema.required).toEqual(["id", "object", "type", "created_at", "data"]);
      expect(EVENT_SCHEMAS[type].safeParse(body.example).success, type).toBe(true);
      expect(body.example).toEqual(eventExample(type));
      expect(post.parameters.map((parameter) => parameter.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    }
  });

  it("answers events as one of the webhook envelopes, and takes the events filters", () => {
    const event = document.components.schemas.Event as { oneOf: { $ref: string }[] };
    expect(event.oneOf).toHaveLength(WEBHOOK_EVENT_TYPES.length);
    const get = document.paths["/api/v1/events/{id}"].get as { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> };
    expect(get.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/Event");
    const list = document.paths["/api/v1/events"].get as { parameters: { name: string }[]; "x-permission"?: string };
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(["limit", "starting_after", "ending_before", "type", "created[gte]", "created[lt]"]);
    expect(list["x-permission"]).toBeUndefined();
  });
});
