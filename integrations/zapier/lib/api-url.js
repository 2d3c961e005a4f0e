'use strict';

// Where Switchboard is served when the connection leaves "Server URL" empty. A placeholder on
// the reserved .example domain: set the real production address here before `zapier-platform push`.
const PRODUCTION_BASE_URL = 'https://switchboard.example';

// The server a connection talks to: its "Server URL" (self-hosted or test servers) or production.
// Only http(s) origins with an optional path prefix; a query or fragment would corrupt every URL
// built from it.
function baseUrlOf(z, bundle) {
  const given = String((bundle.authData && bundle.authData.base_url) || '').trim();
  if (!given) return PRODUCTION_BASE_URL;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new z.errors.Error(`Server URL "${given}" is not a URL. Leave it empty for ${PRODUCTION_BASE_URL}, or enter your server's address, like https://switchboard.example.com.`, 'invalid_base_url', 400);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new z.errors.Error(`Server URL "${given}" must be a plain http(s) address, like https://switchboard.example.com.`, 'invalid_base_url', 400);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

// The full URL of a /api/v1 path, e.g. apiUrl(z, bundle, '/calls').
function apiUrl(z, bundle, path) {
  return `${baseUrlOf(z, bundle)}/api/v1${path}`;
}

module.exports = { PRODUCTION_BASE_URL, apiUrl };
