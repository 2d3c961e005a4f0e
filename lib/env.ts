import { ENV_KEYS, parseEnv } from "./env-schema.mjs";

// The app's one way to read configuration: validated and typed by the schema in env-schema.mjs
// (shared with `npm start`, which refuses bad values before serving).
export type Env = ReturnType<typeof parseEnv>;

let cached: { fingerprint: string; env: Env } | undefined;

// Parsed once per process. Tests switch variables between cases (WEBHOOK_ALLOW_PRIVATE_URLS), so
// under vitest it is parsed again whenever one changed; the servers never pay for that check.
export function env(): Env {
  if (cached && process.env.NODE_ENV !== "test") return cached.env;
  const fingerprint = ENV_KEYS.map((key) => process.env[key] ?? "").join("\0");
  if (cached?.fingerprint !== fingerprint) cached = { fingerprint, env: parseEnv(process.env) };
  return cached.env;
}

// Signs session cookies and keys the encryption at rest. next-auth reads it from the environment
// itself; both names are accepted, AUTH_SECRET first.
export function authSecret(): string | undefined {
  const { AUTH_SECRET, NEXTAUTH_SECRET } = env();
  return AUTH_SECRET ?? NEXTAUTH_SECRET;
}

// The app's public URL: NEXTAUTH_URL, else where `npm start` serves it.
export function publicUrl(): string {
  const { NEXTAUTH_URL, PORT } = env();
  return (NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/$/, "");
}

// Set by Next.js itself (next dev / next build / next start), not by the operator.
export const isDevelopment = () => process.env.NODE_ENV === "development";
export const isProduction = () => process.env.NODE_ENV === "production";
