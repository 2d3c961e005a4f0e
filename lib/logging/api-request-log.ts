import { untimedLogger } from "./logger";

// One record per /api/v1 request, made here and nowhere else: logged as one JSON line now, and
// the shape a later dashboard stores. It holds identifiers only: never a key, secret, password,
// header value, query string or body.
export type ApiRequestRecord = {
  time: string;
  requestId: string;
  method: string;
  // The operation's path template (/api/v1/calls/{id}), never the concrete path; null when the
  // path matched no route.
  route: string | null;
  status: number;
  latencyMs: number;
  apiKeyId: string | null;
  accountId: string | null;
  errorCode: string | null;
  clientAddress: string | null;
};

// What the key check learns about a request, attached to it for the record.
export type RequestFacts = { route?: string; apiKeyId?: string; accountId?: string };

const factsByRequest = new WeakMap<Request, RequestFacts>();

export function noteRequestFacts(request: Request, facts: RequestFacts) {
  factsByRequest.set(request, { ...factsByRequest.get(request), ...facts });
}

export function requestFacts(request: Request): RequestFacts {
  return factsByRequest.get(request) ?? {};
}

const errorCodes = new WeakMap<Response, string>();

// Called where an error answer is made, so the record needs no second look at its body.
export function noteErrorCode(response: Response, code: string): Response {
  errorCodes.set(response, code);
  return response;
}

// An error answer's code: as noted when it was made, else (an idempotent replay of a stored
// answer) read from the API's error object ({"error": {"code": …}}) and nothing else of the body.
export async function errorCodeOf(response: Response): Promise<string | null> {
  const noted = errorCodes.get(response);
  if (noted !== undefined) return noted;
  if (response.status < 400 || !response.headers.get("content-type")?.includes("json")) return null;
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return typeof body?.error?.code === "string" ? body.error.code : null;
  } catch {
    return null;
  }
}

export type RequestClock = { wall: number; monotonic: number };

export function startRequestClock(): RequestClock {
  return { wall: Date.now(), monotonic: performance.now() };
}

// `time` is when the request arrived; latency is measured on the monotonic clock.
export function apiRequestRecord(clock: RequestClock, fields: Omit<ApiRequestRecord, "time" | "latencyMs">): ApiRequestRecord {
  return {
    time: new Date(clock.wall).toISOString(),
    ...fields,
    latencyMs: Math.round((performance.now() - clock.monotonic) * 10) / 10,
  };
}

const levelOf = (status: number) => (status >= 500 ? "error" : "info");

// Whether a request with this status is logged at the configured level: when it is not, callers
// skip building the record at all.
export const isApiRequestLogged = (status: number) => untimedLogger.isLevelEnabled(levelOf(status));

export function logApiRequest(record: ApiRequestRecord) {
  untimedLogger[levelOf(record.status)](record, "api request");
}
