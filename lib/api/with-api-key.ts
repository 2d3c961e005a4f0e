import { after } from "next/server";
import type { z } from "zod";
import { API_KEY_LENGTH, API_KEY_PREFIX } from "@/lib/api-keys/format";
import { clientAddress, clientThrottleKey } from "@/lib/client-address/client-address";
import { allows, RESOURCE_LABELS, scopesOf, type Resource } from "@/lib/api-keys/permissions";
import { needsLastUsedWrite, recordApiKeyUse } from "@/lib/api-keys/record-api-key-use";
import { verifyApiKey, type ApiKeyRejection, type VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import { idPattern } from "@/lib/ids/new-id";
import { noteRequestFacts } from "@/lib/logging/api-request-log";
import { logger } from "@/lib/logging/logger";
import { apiRoute, type RouteContext } from "./api-route";
import { ApiError, apiErrorResponse, asApiError } from "./errors";
import { withIdempotency } from "./idempotency";
import type { ApiKeyContext, Operation } from "./operation";
import { failedAuthRateLimiter, keyRateLimiter, rateLimitHeaders, type RateLimitResult } from "./rate-limit";
import { parseBody, parseRequestInput, queryObject, readBodyText } from "./request-input";

const REJECTION_MESSAGES: Record<ApiKeyRejection, string> = {
  prefix: `API keys start with "${API_KEY_PREFIX}". Check that you sent the whole key.`,
  length: `API keys are ${API_KEY_LENGTH} characters long. Check that you copied the whole key.`,
  characters: "API keys contain only letters, digits and underscores. Check for stray spaces or quotes.",
  checksum: "This API key is mistyped or incomplete (its checksum does not match). Copy it again.",
  unknown: "This API key does not exist. Check the key, or create one in Integration Settings.",
  revoked: "This API key was deleted and no longer works. Create a new one in Integration Settings.",
  expired: "This API key has expired. Create a new one in Integration Settings.",
};

const REJECTION_CODES: Record<ApiKeyRejection, string> = {
  prefix: "malformed_api_key",
  length: "malformed_api_key",
  characters: "malformed_api_key",
  checksum: "malformed_api_key",
  unknown: "invalid_api_key",
  revoked: "revoked_api_key",
  expired: "expired_api_key",
};

function authenticationError(code: string, message: string) {
  return new ApiError("authentication_error", code, message, { headers: { "WWW-Authenticate": "Bearer" } });
}

function readApiKey(headers: Headers): string {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      throw authenticationError(
        "malformed_authorization_header",
        "The Authorization header must be \"Bearer <key>\" with your API key.",
      );
    }
    return match[1];
  }
  const apiKeyHeader = headers.get("x-api-key")?.trim();
  if (apiKeyHeader) return apiKeyHeader;
  throw authenticationError(
    "missing_api_key",
    "No API key provided. Send it as Authorization: Bearer <key> (or in an X-API-Key header).",
  );
}

function tooManyRequests(result: RateLimitResult, message: string) {
  return new ApiError("rate_limit_error", "rate_limited", message, {
    headers: { ...rateLimitHeaders(result), "Retry-After": String(result.resetSeconds) },
  });
}

async function authenticate(request: Request, now: Date): Promise<VerifiedApiKey> {
  try {
    const result = await verifyApiKey(readApiKey(request.headers), now);
    if (!result.ok) throw authenticationError(REJECTION_CODES[result.reason], REJECTION_MESSAGES[result.reason]);
    return result.apiKey;
  } catch (error) {
    // Only failures count, so a busy integration behind one IP is never slowed by this.
    const throttle = failedAuthRateLimiter.hit(clientThrottleKey(request.headers), now.getTime());
    if (!throttle.allowed) throw tooManyRequests(throttle, "Too many requests with invalid API keys from your address. Wait before retrying.");
    throw error;
  }
}

// Against the one address lib/client-address resolves; its allowlist was compiled once per stored
// value (allowed-ips.ts), so this costs no query. An unknown address never passes a non-empty list.
function checkAllowedIp(apiKey: VerifiedApiKey, headers: Headers) {
  if (apiKey.allowlist.entries.length === 0) return;
  const address = clientAddress(headers);
  if (apiKey.allowlist.allows(address)) return;
  throw new ApiError(
    "permission_error",
    "ip_not_allowed",
    address
      ? `This API key cannot be used from ${address}: the address is not on the key's IP allowlist. Add it in Integration Settings, or call from an allowed address.`
      : "This API key has an IP allowlist and the address of this request is unknown, so it is refused. Serve the app with `npm start` (scripts/server.mjs) so addresses are known.",
  );
}

function authorize(apiKey: VerifiedApiKey, permission: Operation["permission"]) {
  if (!permission || allows(scopesOf(apiKey), permission)) return;
  const [resource, level] = permission.split(":") as [Resource, string];
  throw new ApiError(
    "permission_error",
    "missing_permission",
    `This API key lacks the ${permission} permission (${RESOURCE_LABELS[resource]}: ${level === "write" ? "Write" : "Read"}). Use a key with that permission or change the key in Integration Settings.`,
  );
}

// Domain errors from lib/ and the API's own errors become the error object; anything else is
// left to apiRoute, which answers a 500 without internals.
function errorToResponse(error: unknown): Response {
  const apiError = asApiError(error);
  if (apiError) return apiErrorResponse(apiError);
  throw error;
}

async function pathParams(context: RouteContext, idPrefix: string | undefined): Promise<Record<string, string>> {
  const params = Object.fromEntries(
    Object.entries((await context.params) ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join("/") : value]),
  );
  if (idPrefix && params.id !== undefined && !idPattern(idPrefix).test(params.id)) {
    throw new ApiError("invalid_request_error", "invalid_id", `"${params.id.slice(0, 64)}" is not a ${idPrefix} id.`, { param: "id" });
  }
  return params;
}

// The one door to /api/v1: authenticates the key, rate-limits it, checks the operation's
// permission, validates path, query and body against the operation's schemas, applies
// Idempotency-Key to POSTs, and runs the operation's handler with typed input.
export function withApiKey(operation: Operation) {
  return apiRoute(operation.path, async (request, context) => {
    const now = new Date();
    const apiKey = await authenticate(request, now);
    noteRequestFacts(request, { apiKeyId: apiKey.id, accountId: apiKey.user.id });
    // Before the key's rate limit, so calls from elsewhere cannot spend the owner's budget.
    checkAllowedIp(apiKey, request.headers);

    const limit = keyRateLimiter.hit(apiKey.id, now.getTime());
    if (!limit.allowed) throw tooManyRequests(limit, `Rate limit of ${limit.limit} requests exceeded for this API key. Retry after ${limit.resetSeconds} s.`);

    if (needsLastUsedWrite(apiKey.id, apiKey.lastUsedAt, now)) {
      // After the response is sent: the caller never waits on this write.
      after(() =>
        recordApiKeyUse(apiKey.id, now).catch((error) => logger.error({ err: error, apiKeyId: apiKey.id }, "could not record API key use")),
      );
    }

    // Failures become the error object here, not in apiRoute, so they carry the rate-limit
    // headers and an idempotent POST remembers a 4xx answer like any other.
    const respond = async () => {
      authorize(apiKey, operation.permission);
      const url = new URL(request.url);
      const params = await pathParams(context, operation.idPrefix);
      const query = operation.query ? parseRequestInput(operation.query, queryObject(url), "query") : undefined;
      const bodyText = operation.body ? await readBodyText(request) : "";
      const parsedBody = operation.body ? parseBody(bodyText, request.headers.get("content-type")) : undefined;
      const body = operation.body && parsedBody ? parseRequestInput(operation.body, parsedBody.value, parsedBody.source) : undefined;
      // The operation's schemas typed its handler's input; these values were parsed by them.
      const input: ApiKeyContext<z.ZodType, z.ZodType> = { request, apiKey, accountId: apiKey.user.id, params, body, query };
      const run = () =>
        operation.handler(input as never).then((reply) => Response.json(reply.body, { status: reply.status }), errorToResponse);
      const idempotencyKey = request.headers.get("idempotency-key");
      if (request.method === "POST" && idempotencyKey !== null) {
        return withIdempotency(apiKey.user.id, idempotencyKey, { method: request.method, path: url.pathname, body: bodyText }, run);
      }
      return run();
    };

    const response = await respond().catch(errorToResponse);
    for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
    return response;
  });
}
