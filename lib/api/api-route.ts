import { randomBytes } from "node:crypto";
import { ApiError, apiErrorResponse, internalError } from "./errors";

export type RouteContext = { params: Promise<Record<string, string | string[]>> };

type Handler = (request: Request, context: RouteContext) => Promise<Response>;

// Every /api/v1 answer carries a Request-Id and failures become the uniform error object;
// nothing internal leaks into a 500.
export function apiRoute(handler: Handler): Handler {
  return async (request, context) => {
    const requestId = `req_${randomBytes(12).toString("base64url")}`;
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(`[${requestId}] unhandled API error`, error);
      response = apiErrorResponse(error instanceof ApiError ? error : internalError());
    }
    response.headers.set("Request-Id", requestId);
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}
