import { randomBytes } from "node:crypto";

// A fresh nonce per request: scripts run only when Next.js rendered them with it, so an injected
// <script> cannot run (no 'unsafe-inline'). 'strict-dynamic' lets those scripts load the page's
// chunks. Styles keep 'unsafe-inline': Radix and React set style attributes, which nonces cannot
// cover, and styles cannot run code. 'unsafe-eval' only for dev's fast refresh. Framing is
// refused outright (clickjacking of the key dialogs).
export function newCspNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, production = process.env.NODE_ENV === "production"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
