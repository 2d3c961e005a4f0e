import { expect, type APIRequestContext } from "@playwright/test";

export type JsonSchema = {
  $ref?: string;
  type?: string;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
};

export type QueryParameter = { name: string; schema: JsonSchema };

// One operation of the API as /api/v1/openapi.json describes it, so sweeps and fuzzing cover
// routes added later without being edited.
export type ApiRoute = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  // Prefix of the object id in the path's {id} ("call"), from the parameter's pattern.
  idPrefix?: string;
  permission?: string;
  query: QueryParameter[];
  body?: { schema: JsonSchema; example: Record<string, unknown> };
};

type OpenApiOperation = {
  "x-permission"?: string;
  // [] on the operations that need no key.
  security?: unknown[];
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: { "application/json": { schema: JsonSchema; example?: Record<string, unknown> } } };
};

export type ApiDescription = {
  // The operations that need a key.
  routes: ApiRoute[];
  // Follows $ref into components.schemas.
  resolve(schema: JsonSchema): JsonSchema;
  // Whether a path (without query) is one of the API's routes, public ones included.
  isRoute(path: string): boolean;
};

// The GET routes that need no key, and the leak-report endpoints (POST only, no key; they have
// flows of their own in leaked-keys.spec.ts); describeApi checks that the document says the same.
export const PUBLIC_ROUTES = ["/api/v1/health", "/api/v1/openapi.json"];
export const PUBLIC_REPORT_ROUTES = ["/api/v1/credentials/revoke", "/api/v1/secret-scanning/github"];

export async function describeApi(request: APIRequestContext): Promise<ApiDescription> {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const document = (await response.json()) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const resolve = (schema: JsonSchema): JsonSchema =>
    schema.$ref ? resolve(document.components.schemas[schema.$ref.replace("#/components/schemas/", "")]) : schema;

  const routes: ApiRoute[] = [];
  const publicPaths: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (operation.security?.length === 0) {
        publicPaths.push(path);
        continue;
      }
      const parameters = operation.parameters ?? [];
      const idPattern = parameters.find((parameter) => parameter.in === "path" && parameter.name === "id")?.schema.pattern;
      const body = operation.requestBody?.content["application/json"];
      routes.push({
        method: method.toUpperCase() as ApiRoute["method"],
        path,
        idPrefix: idPattern ? /^\^(\w+?)_/.exec(idPattern)?.[1] : undefined,
        permission: operation["x-permission"],
        query: parameters.filter((parameter) => parameter.in === "query").map(({ name, schema }) => ({ name, schema })),
        body: body ? { schema: resolve(body.schema), example: body.example ?? {} } : undefined,
      });
    }
  }
  expect(routes.length).toBeGreaterThan(10);
  expect(publicPaths.toSorted()).toEqual([...PUBLIC_ROUTES, ...PUBLIC_REPORT_ROUTES].toSorted());

  const patterns = Object.keys(document.paths).map(pathTemplatePattern);
  return { routes, resolve, isRoute: (path) => patterns.some((pattern) => pattern.test(path)) };
}

// Matches the paths a template such as /api/v1/calls/{id} stands for, with or without the
// trailing slash Next.js redirects away.
export function pathTemplatePattern(template: string): RegExp {
  return new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]+")}/?$`);
}

export function routePath(route: Pick<ApiRoute, "path">, id: string) {
  return route.path.replace("{id}", id);
}

// The JSON types a value of the schema may have ("integer" counts as "number").
export function jsonTypes(schema: JsonSchema, resolve: ApiDescription["resolve"]): Set<string> {
  const resolved = resolve(schema);
  if (resolved.anyOf) return new Set(resolved.anyOf.flatMap((option) => [...jsonTypes(option, resolve)]));
  if (resolved.type) return new Set([resolved.type === "integer" ? "number" : resolved.type]);
  if (resolved.enum) return new Set(resolved.enum.map((value) => (value === null ? "null" : typeof value)));
  return new Set(["string", "number", "boolean", "object", "array", "null"]);
}
