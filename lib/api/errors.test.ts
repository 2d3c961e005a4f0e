import { describe, expect, it } from "vitest";
import {
  aboutField,
  ConflictError,
  InvalidInputError,
  LimitReachedError,
  NotFoundError,
  ThrottledError,
  type DomainError,
} from "@/lib/errors/domain-errors";
import { API_ERROR_STATUS, API_ERROR_TYPES, ApiError, apiErrorResponse, asApiError, domainToApiError } from "./errors";

// What a client receives for a domain error: status, headers and the JSON error object.
async function answer(error: DomainError) {
  const response = apiErrorResponse(domainToApiError(error));
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
}

describe("the error type set", () => {
  it("names every type with an _error suffix, each with its own status", () => {
    expect(API_ERROR_TYPES).toEqual([
      "invalid_request_error",
      "authentication_error",
      "permission_error",
      "not_found_error",
      "conflict_error",
      "rate_limit_error",
      "api_error",
    ]);
    for (const type of API_ERROR_TYPES) expect(type).toMatch(/_error$/);
    expect(new Set(Object.values(API_ERROR_STATUS)).size).toBe(API_ERROR_TYPES.length);
  });
});

describe("domainToApiError", () => {
  it("answers invalid input with 400, naming the field in param and in the message", async () => {
    const error = new InvalidInputError("resource_missing", aboutField("contact_id", 'no contact "contact_1" in this account.'));
    expect(await answer(error)).toEqual({
      status: 400,
      retryAfter: null,
      body: { error: { type: "invalid_request_error", code: "resource_missing", message: 'contact_id: no contact "contact_1" in this account.', param: "contact_id" } },
    });
  });

  it("answers invalid input about the whole request without a param", async () => {
    const { body } = await answer(new InvalidInputError("invalid_request", "The request body must be a JSON object."));
    expect(body).toEqual({ error: { type: "invalid_request_error", code: "invalid_request", message: "The request body must be a JSON object." } });
  });

  it("answers not found with 404 and the id parameter, the message unprefixed", async () => {
    expect(await answer(NotFoundError.of("contact", "contact_1"))).toEqual({
      status: 404,
      retryAfter: null,
      body: { error: { type: "not_found_error", code: "resource_missing", message: 'No contact "contact_1" in this account.', param: "id" } },
    });
  });

  it("answers a conflict with 409", async () => {
    const { status, body } = await answer(new ConflictError("call_not_cancelable", "The call is completed; only queued or ringing calls can be canceled."));
    expect(status).toBe(409);
    expect(body.error).toEqual({ type: "conflict_error", code: "call_not_cancelable", message: "The call is completed; only queued or ringing calls can be canceled." });
  });

  it("answers a reached limit as a conflict: the account's state refuses, not the request", async () => {
    const { status, body } = await answer(new LimitReachedError("api_key_limit_reached", "You already have 100 API keys."));
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ type: "conflict_error", code: "api_key_limit_reached" });
  });

  it("answers throttling with 429 and Retry-After", async () => {
    const { status, retryAfter, body } = await answer(new ThrottledError("sign_in_throttled", "Too many failed sign-in attempts.", 120));
    expect([status, retryAfter]).toEqual([429, "120"]);
    expect(body.error).toMatchObject({ type: "rate_limit_error", code: "sign_in_throttled" });
  });
});

describe("asApiError", () => {
  it("keeps an ApiError, maps a domain error and leaves anything else to the 500 path", () => {
    const apiError = new ApiError("authentication_error", "missing_api_key", "No API key provided.");
    expect(asApiError(apiError)).toBe(apiError);
    expect(asApiError(NotFoundError.of("call", "call_1"))).toMatchObject({ status: 404, type: "not_found_error", code: "resource_missing" });
    expect(asApiError(new Error("database is down"))).toBeNull();
    expect(asApiError("a string")).toBeNull();
  });
});
