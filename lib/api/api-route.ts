import { randomBytes } from "node:crypto";
import { clientAddress } from "@/lib/client-address/client-address";
import { apiRequestRecord, errorCodeOf, isApiRequestLogged, logApiRequest, requestFacts, startRequestClock } from "@/lib/logging/api-request-log";
import { logger } from "@/lib/logging/logger";
import { recordUsedRequest } from "@/lib/usage/usage-buffer";
import { apiErrorResponse, asApiError, internalError } from "./errors";

export type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Handler = (request: Request, context: RouteContext) => Promise<Response>;

// Every /api/v1 answer carries a Request-Id and failures become the uniform error object;
// nothing internal leaks into a 500. Each request leaves one log line (api-request-log.ts) under
// its route template, e.g. /api/v1/calls/{id}.
export function apiRoute(route: string, handler: Handler): Handler {
  return async (request, context) => {
    const clock = startRequestClock();
    const requestId = `req_${randomBytes(12).toString("base64url")}`;
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      const apiError = asApiError(error);
      if (!apiError) logger.error({ err: error, requestId }, "unhandled API error");
      response = apiErrorResponse(apiError ?? internalError());
    }
    response.headers.set("Request-Id", requestId);
    response.headers.set("Cache-Control", "no-store");
    const facts = requestFacts(request);
    const logged = isApiRequestLogged(response.status);
    // Requests that resolved to a key of an account are counted and kept in its request log
    // (lib/usage, written in batches off this path); the rest only reach the log line.
    if (logged || facts.apiKeyId) {
      const record = apiRequestRecord(clock, {
        requestId,
        method: request.method,
        route,
        status: response.status,
        apiKeyId: facts.apiKeyId ?? null,
        accountId: facts.accountId ?? null,
        errorCode: await errorCodeOf(response),
        clientAddress: clientAddress(request.headers),
      });
      if (logged) logApiRequest(record);
      if (facts.apiKeyId && facts.accountId) {
        recordUsedRequest({
          requestId,
          apiKeyId: facts.apiKeyId,
          accountId: facts.accountId,
          method: record.method,
          route,
          status: record.status,
          latencyMs: record.latencyMs,
          ip: record.clientAddress,
          userAgent: request.headers.get("user-agent"),
          errorCode: record.errorCode,
          at: new Date(clock.wall),
        });
      }
    }
    return response;
  };
}
