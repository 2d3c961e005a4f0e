'use strict';

// Zapier shows at most 250 characters of an error message.
const MAX_MESSAGE_LENGTH = 250;

// Switchboard's error object: {"error": {"type", "code", "message", "param"?}}; null when the
// answer is not one (a proxy's HTML page, an empty body).
function errorObjectOf(response) {
  try {
    const body = JSON.parse(response.content);
    return body && typeof body.error === 'object' && body.error !== null ? body.error : null;
  } catch {
    return null;
  }
}

// What the user reads: the server's own message, then the field at fault and the Request-Id to
// quote to support. The message is shortened first, so the Request-Id always fits.
function describeFailure(response) {
  const error = errorObjectOf(response) || {};
  const requestId = response.getHeader('request-id') || error.request_id;
  const details = [error.param && `field: ${error.param}`, requestId && `Request-Id: ${requestId}`].filter(Boolean).join(', ');
  const suffix = details ? ` (${details})` : '';
  let text = String(error.message || `Switchboard answered HTTP ${response.status}.`);
  if (text.length + suffix.length > MAX_MESSAGE_LENGTH) text = `${text.slice(0, Math.max(0, MAX_MESSAGE_LENGTH - suffix.length - 1))}…`;
  return { message: `${text}${suffix}`, code: String(error.code || `http_${response.status}`), status: response.status };
}

function retryAfterSeconds(response) {
  const seconds = Number.parseInt(response.getHeader('retry-after') || '', 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

// The Zapier error for a failed Switchboard answer:
// - 429: ThrottledError with Retry-After, so Zapier retries the step later instead of failing it;
// - 401: ExpiredAuthError. An API key cannot be refreshed (RefreshAuthError is for OAuth2 and
//   session auth), so a key that stops working (revoked, expired) means the user must reconnect:
//   Zapier pauses the Zap and emails them. The connection test maps 401 itself (authentication.js);
// - anything else: z.errors.Error with Switchboard's code and status.
function toZapierError(z, response) {
  const failure = describeFailure(response);
  if (response.status === 429) return new z.errors.ThrottledError(failure.message, retryAfterSeconds(response));
  if (response.status === 401) return new z.errors.ExpiredAuthError(failure.message);
  return new z.errors.Error(failure.message, failure.code, failure.status);
}

module.exports = { describeFailure, toZapierError };
