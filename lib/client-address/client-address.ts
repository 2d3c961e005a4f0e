import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { logger } from "@/lib/logging/logger";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SERVER, normalizeAddress, throttleBucket } from "./resolve.mjs";

// Route handlers get a Headers object; next-auth's authorize callback a plain object.
type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function headerValue(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

let warned = false;

// The one answer to "which address is this request from?", for every per-address throttle, the
// audit log, the request log and key IP allowlists. scripts/server.mjs resolves it from the socket
// and TRUSTED_PROXIES and passes it in its own header; without that server in front nothing the
// request carries can be trusted, so the answer is null (and it is said once in the log).
export function clientAddress(headers: HeaderSource): string | null {
  if (!(globalThis as Record<symbol, unknown>)[CLIENT_ADDRESS_SERVER]) {
    if (!warned) {
      warned = true;
      logger.warn("client addresses are unknown: serve the app with `npm start` (scripts/server.mjs), not `next start`");
    }
    return null;
  }
  return normalizeAddress(headerValue(headers, CLIENT_ADDRESS_HEADER));
}

// What per-address throttles count under: the address, an IPv6 client's /64, or one shared
// bucket when the address is unknown.
export function throttleKeyOf(address: string | null): string {
  return address ? throttleBucket(address) : "unknown";
}

export function clientThrottleKey(headers: HeaderSource): string {
  return throttleKeyOf(clientAddress(headers));
}

// Where a request came from, for the audit trail and the sessions list.
export function originOf(headers: HeaderSource): RequestOrigin {
  return { ip: clientAddress(headers), userAgent: headerValue(headers, "user-agent") };
}
