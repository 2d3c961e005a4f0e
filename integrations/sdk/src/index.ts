import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, operations, paths, webhooks } from "./schema";

// Every object the API sends or accepts, by its name in the OpenAPI document: `Schemas["Call"]`.
export type Schemas = components["schemas"];

// The `error` object of every failed answer: {type, code, message, param?}.
export type ApiErrorObject = Schemas["Error"]["error"];

// openapi-fetch's client typed by this API: GET/POST/PATCH/DELETE take a documented path, its
// path and query parameters, headers and body, and answer `{ data, error, response }`.
export type SwitchboardClient = Client<paths, "application/json">;

export type SwitchboardClientOptions = {
  // The app's address, e.g. https://switchboard.example.com (every path starts with /api/v1).
  baseUrl: string;
  // An API key from Integration Settings (sb_live_…).
  apiKey: string;
  // How the key is sent: `Authorization: Bearer <key>` (default) or `X-API-Key: <key>`.
  header?: "bearer" | "x-api-key";
  // Another fetch to send requests with (a proxy agent, a test harness); default: globalThis.fetch.
  fetch?: ClientOptions["fetch"];
};

export function createSwitchboardClient({ baseUrl, apiKey, header = "bearer", fetch }: SwitchboardClientOptions): SwitchboardClient {
  // Paths carry /api/v1 already; a base URL that also has it would send /api/v1/api/v1/… and get 404s.
  if (/\/api\/v1\/?$/.test(baseUrl)) throw new TypeError(`baseUrl is the app's address without /api/v1 (got ${baseUrl}).`);
  if (!apiKey) throw new TypeError("apiKey is required: generate one in Integration Settings.");
  const auth = header === "bearer" ? { Authorization: `Bearer ${apiKey}` } : { "X-API-Key": apiKey };
  return createClient<paths, "application/json">({ baseUrl, fetch, headers: auth });
}

// A failed answer as an exception: the status, the API's error object and the Request-Id to quote
// to support.
export class SwitchboardApiError extends Error {
  readonly status: number;
  readonly type: ApiErrorObject["type"] | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly requestId: string | null;

  constructor(response: Response, body: unknown) {
    const error = (body as { error?: Partial<ApiErrorObject> } | undefined)?.error;
    // Not the API's error shape (a proxy's 502 page, say): the status is all there is to report.
    super(error?.message ?? `HTTP ${response.status} ${response.statusText}`.trim());
    this.name = "SwitchboardApiError";
    this.status = response.status;
    this.type = error?.type;
    this.code = error?.code;
    this.param = error?.param;
    this.requestId = response.headers.get("Request-Id");
  }
}

type Answer = { data?: unknown; error?: unknown; response: Response };

// The body of a successful answer, or a SwitchboardApiError: for code that treats any failure as
// an exception, e.g. `const call = await dataOrThrow(client.POST("/api/v1/calls", { body }))`.
export async function dataOrThrow<A extends Answer>(answer: Promise<A> | A): Promise<NonNullable<A["data"]>> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new SwitchboardApiError(response, error);
  return data as NonNullable<A["data"]>;
}
