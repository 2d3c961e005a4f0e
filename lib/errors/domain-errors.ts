// Failures lib/ reports in the terms of the domain, never of HTTP or of forms. The API
// (domainToApiError in lib/api/errors.ts) and the server actions (validated-action.ts) each turn
// them into their own shape in one place, so a feature module only says what went wrong.

export type DomainErrorKind = "invalid_input" | "not_found" | "forbidden" | "conflict" | "limit_reached" | "throttled";

// `message` stands on its own (an API client or a form-level alert shows it); `field` names the
// input at fault and `fieldMessage` is what a form shows beside that field.
export type ErrorText = string | { message: string; field?: string; fieldMessage?: string };

// For a problem with one input: the API says "external_id: already taken", a form shows
// "already taken" beside external_id.
export function aboutField(field: string, detail: string): ErrorText {
  return { message: `${field}: ${detail}`, field, fieldMessage: detail };
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  readonly field?: string;
  readonly fieldMessage?: string;

  // `code` is the stable, machine-readable reason (e.g. "external_id_taken").
  constructor(
    readonly code: string,
    text: ErrorText,
  ) {
    const { message, field, fieldMessage } = typeof text === "string" ? { message: text } : text;
    super(message);
    this.name = new.target.name;
    this.field = field;
    this.fieldMessage = field ? (fieldMessage ?? message) : undefined;
  }
}

// The input is wrong, even though it passed its schema (a referenced object is missing, a URL is unsafe…).
export class InvalidInputError extends DomainError {
  readonly kind = "invalid_input";
}

// No such object in this account; another account's object is reported the same way.
export class NotFoundError extends DomainError {
  readonly kind = "not_found";

  // The id named by `field` ("id" in a path) finds nothing.
  static of(resource: string, id: string, field = "id") {
    return new NotFoundError("resource_missing", { message: `No ${resource} "${id}" in this account.`, field });
  }
}

// The actor may do the operation but not with this input (e.g. an API key subscribing an endpoint
// to events it could not read itself).
export class ForbiddenError extends DomainError {
  readonly kind = "forbidden";
}

// The object's current state forbids the change (already answered, taken by another, disabled…).
export class ConflictError extends DomainError {
  readonly kind = "conflict";
}

// The account holds as many of something as it may; deleting one makes room.
export class LimitReachedError extends DomainError {
  readonly kind = "limit_reached";
}

// Too many attempts in a window; retrying after `retryAfterSeconds` works.
export class ThrottledError extends DomainError {
  readonly kind = "throttled";

  constructor(
    code: string,
    text: ErrorText,
    readonly retryAfterSeconds: number,
  ) {
    super(code, text);
  }

  // For people rather than API clients: `reason`, then when to try again, in whole minutes.
  static inMinutes(code: string, reason: string, retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return new ThrottledError(code, `${reason} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, retryAfterSeconds);
  }
}
