export type ApiErrorType =
  | "authentication_error"
  | "permission_error"
  | "invalid_request_error"
  | "not_found"
  | "conflict"
  | "rate_limit_error"
  | "api_error";

const STATUS_BY_TYPE: Record<ApiErrorType, number> = {
  authentication_error: 401,
  permission_error: 403,
  invalid_request_error: 400,
  not_found: 404,
  conflict: 409,
  rate_limit_error: 429,
  api_error: 500,
};

// A failure the client can act on; its message is shown to them as is.
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly type: ApiErrorType,
    readonly code: string,
    message: string,
    readonly options: { param?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = STATUS_BY_TYPE[type];
  }
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
  return Response.json(body, { status: error.status, headers: error.options.headers });
}

export const internalError = () =>
  new ApiError("api_error", "internal_error", "Something went wrong on our side. Try again; if it persists, contact support with the Request-Id.");
