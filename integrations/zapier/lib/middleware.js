'use strict';

const { toZapierError } = require('./switchboard-error');

// Every request carries the connection's key. Switchboard also takes X-API-Key; Bearer is its
// primary scheme and what its 401 answers name in WWW-Authenticate.
function addApiKey(request, z, bundle) {
  const key = bundle.authData && bundle.authData.api_key;
  if (key) request.headers = { ...request.headers, Authorization: `Bearer ${String(key).trim()}` };
  return request;
}

// A failed answer becomes the Zapier error that says what Switchboard said. Requests that handle
// a status themselves (a search's 404, the connection test's 401) set skipThrowForStatus.
function throwForSwitchboardError(response, z) {
  if (response.status >= 400 && !response.skipThrowForStatus) throw toZapierError(z, response);
  return response;
}

module.exports = { beforeRequest: [addApiKey], afterResponse: [throwForSwitchboardError] };
