import type { APIRequestContext, APIResponse } from "@playwright/test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { pathTemplatePattern } from "./openapi-routes";

// The served /api/v1/openapi.json as a contract every API answer the tests receive must keep:
// the path, method and status must be documented and a JSON body must match its schema, so
// the document can never drift from what the API does.

type ResponseObject = { content?: Record<string, { schema: unknown }> };
type OperationObject = { operationId: string; responses: Record<string, ResponseObject> };
type Document = { paths: Record<string, Record<string, OperationObject>>; components: { schemas: Record<string, unknown> } };

const DOCUMENT_ID = "https://switchboard.test/openapi.json";
const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export type ApiContract = { check(method: string, response: APIResponse): Promise<void> };

export function apiContract(document: Document): ApiContract {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // Added whole, so "#/components/schemas/…" inside any response schema resolves.
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (path: string, method: string, status: string, mediaType: string) => {
    const ref = `${DOCUMENT_ID}#/${pointer("paths", path, method, "responses", status, "content", mediaType, "schema")}`;
    if (!compiled.has(ref)) compiled.set(ref, ajv.compile({ $ref: ref }));
    return compiled.get(ref)!;
  };
  const errorValidator = ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/Error` });

  const templates = Object.keys(document.paths).map((path) => ({
    path,
    pattern: pathTemplatePattern(path),
  }));

  async function check(method: string, response: APIResponse) {
    const url = new URL(response.url());
    if (!url.pathname.startsWith("/api/v1")) return;
    const status = response.status();
    const where = `${method} ${url.pathname} → ${status}`;
    const contentType = response.headers()["content-type"] ?? "";
    const json = contentType.startsWith("application/json");
    const fail = (problem: string): never => {
      throw new Error(`API answer breaks /api/v1/openapi.json: ${where}: ${problem}`);
    };
    const expectValid = async (validate: ValidateFunction) => {
      if (method === "HEAD") return;
      if (!json) fail(`expected a JSON body, got content-type "${contentType}"`);
      const body = JSON.parse((await response.body()).toString("utf8"));
      if (!validate(body)) fail(`body does not match the documented schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`);
    };

    // Next.js normalizes a trailing slash with a redirect before any route runs.
    if (status === 308 && url.pathname.endsWith("/")) return;

    const template = templates.find(({ pattern }) => pattern.test(url.pathname));
    const operation = template && document.paths[template.path][method === "HEAD" ? "get" : method.toLowerCase()];
    // No such path (404 route_not_found) or no such method (405): the proxy's error object.
    if (!template) return status === 404 ? expectValid(errorValidator) : fail("no documented path matches, yet the answer is not 404");
    if (!operation) return status === 405 ? expectValid(errorValidator) : fail("the path does not document this method, yet the answer is not 405");

    const answer = operation.responses[String(status)];
    if (!answer) fail(`status ${status} is not documented for ${operation.operationId} (documented: ${Object.keys(operation.responses).join(", ")})`);
    const mediaType = Object.keys(answer.content ?? {})[0];
    if (!mediaType) return;
    return expectValid(validator(template.path, method === "HEAD" ? "get" : method.toLowerCase(), String(status), mediaType));
  }
  return { check };
}

export async function loadApiContract(request: APIRequestContext): Promise<ApiContract> {
  const response = await request.get("/api/v1/openapi.json");
  if (response.status() !== 200) throw new Error(`GET /api/v1/openapi.json answered ${response.status()}`);
  return apiContract((await response.json()) as Document);
}

const REQUEST_METHODS = { get: "GET", post: "POST", put: "PUT", patch: "PATCH", delete: "DELETE", head: "HEAD" } as const;

type FetchOptions = { method?: string } | undefined;

// The same request context, but every answer is checked against the contract before the test sees it.
export function validating(request: APIRequestContext, contract: ApiContract): APIRequestContext {
  return new Proxy(request, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "fetch") {
        return async (urlOrRequest: Parameters<APIRequestContext["fetch"]>[0], options?: FetchOptions) => {
          const response = await target.fetch(urlOrRequest, options);
          const method = options?.method ?? (typeof urlOrRequest === "string" ? "GET" : urlOrRequest.method());
          await contract.check(method.toUpperCase(), response);
          return response;
        };
      }
      if (typeof property === "string" && property in REQUEST_METHODS) {
        const method = REQUEST_METHODS[property as keyof typeof REQUEST_METHODS];
        return async (...args: unknown[]) => {
          const response = (await (value as (...a: unknown[]) => Promise<APIResponse>).apply(target, args)) as APIResponse;
          await contract.check(method, response);
          return response;
        };
      }
      return value.bind(target);
    },
  });
}
