import { env } from "@/lib/env";

// Decided by the running server, not at build time: next.config.mjs headers are fixed into the
// build, and one build may be served at http://localhost and behind TLS at an https URL.
// Browsers ignore HSTS over plain http; it is for where the app is served over https.
export function strictTransportSecurity(publicUrl = env().NEXTAUTH_URL): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
}
