import { noteErrorCode } from "@/lib/logging/api-request-log";
import { DomainError, ThrottledError, type DomainErrorKind } from "@/lib/errors/domain-errors";

// Every `type` an error object can carry, with its status. One consistent set: each ends in _error.
export const API_ERROR_STATUS = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  rate_limit_error: 429,
  api_error: 500,
} as const;

export type ApiErrorType = keyof typeof API_ERROR_STATUS;

export const API_ERROR_TYPES = Object.keys(API_ERROR_STATUS) as [ApiErrorType, ...ApiErrorType[]];

// A failure the client can act on; its message is shown to them as is. lib/ outside lib/api throws
// domain errors instead; this class carries what only HTTP knows (authentication, rate limits,
// transport) and what domainToApiError makes of a domain error.
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly type: ApiErrorType,
    readonly code: string,
    message: string,
    readonly options: { param?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = API_ERROR_STATUS[type];
  }
}

const API_TYPE_BY_KIND: Record<DomainErrorKind, ApiErrorType> = {
  invalid_input: "invalid_request_error",
  not_found: "not_found_error",
  forbidden: "permission_error",
  conflict: "conflict_error",
  // Deleting something makes room: the account's state, not the request, is what refuses.
  limit_reached: "conflict_error",
  throttled: "rate_limit_error",
};

// The one place a domain error becomes the API's error object.
export function domainToApiError(error: DomainError): ApiError {
  const headers = error instanceof ThrottledError ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
  return new ApiError(API_TYPE_BY_KIND[error.kind], error.code, error.message, { param: error.field, headers });
}

// An ApiError as is, a domain error mapped, anything else null (an internal failure, not the client's).
export function asApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return domainToApiError(error);
  return null;
}

export function apiErrorResponse(error: ApiError): Response {
  const body = {
    error: {
      type: error.type,
      code: error.code,
      message: error.message,
      ...(error.options.param ? { param: error.options.param } : {}),
    },
  };
  return noteErrorCode(Response.json(body, { status: error.status, headers: error.options.headers }), error.code);
}

export const internalError = () =>
  new ApiError("api_error", "internal_error", "Something went wrong on our side. Try again; if it persists, contact support with the Request-Id.");
