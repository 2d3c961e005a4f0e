// Every environment variable the app reads, with its default and what it accepts. Plain ESM (zod
// has no build step to need) so that `npm start` (scripts/start.mjs, plain Node) validates with
// this very schema before it migrates or serves, and the app (lib/env.ts) reads its typed result.
// The README's configuration table lists the same keys (lib/env.test.ts checks both ways).
// NODE_ENV, NEXT_RUNTIME and NEXT_PHASE are set by Next.js itself and are not configuration.
import { z } from "zod";
import { isSupportedCountry } from "libphonenumber-js/min";
import { parseTrustedProxies } from "./client-address/resolve.mjs";

export const DEFAULT_DATABASE_URL = "file:./data/switchboard.db";

/** @param {number} fallback */
const positiveInteger = (fallback) =>
  z
    .string({ error: "a whole number greater than 0" })
    .regex(/^[1-9]\d*$/, { error: "a whole number greater than 0" })
    .default(String(fallback))
    .transform(Number);

const secret = z.string().min(16, { error: "at least 16 characters (e.g. the output of `openssl rand -base64 32`)" }).optional();

const httpUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^/]/.test(value) && URL.canParse(value), { error: "an http:// or https:// URL, e.g. https://switchboard.example.com" });

const databaseUrl = z
  .string()
  .default(DEFAULT_DATABASE_URL)
  .refine(
    (value) =>
      (value.startsWith("file:") && value.length > "file:".length) ||
      (/^postgres(ql)?:\/\/[^/]/.test(value) && URL.canParse(value)),
    { error: "a SQLite file URL such as file:./data/switchboard.db, or a PostgreSQL URL such as postgresql://user:password@host:5432/switchboard" },
  );

const trustedProxies = z
  .string()
  .default("")
  .superRefine((value, context) => {
    try {
      parseTrustedProxies(value);
    } catch (error) {
      context.addIssue({
        code: "custom",
        message: `a number of proxy hops, or a comma-separated list of proxy addresses and CIDRs such as 10.0.0.0/8,::1 (${/** @type {Error} */ (error).message})`,
      });
    }
  })
  .transform((value) => parseTrustedProxies(value));

export const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d+$/, { error: "a port number from 1 to 65535" })
    .default("3000")
    .transform(Number)
    .refine((port) => port >= 1 && port <= 65535, { error: "a port number from 1 to 65535" }),
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_SIZE: positiveInteger(10),
  AUTH_SECRET: secret,
  NEXTAUTH_SECRET: secret,
  NEXTAUTH_URL: httpUrl.optional(),
  RATE_LIMIT_REQUESTS: positiveInteger(100),
  RATE_LIMIT_WINDOW_SECONDS: positiveInteger(10),
  AUTH_FAILURE_LIMIT: positiveInteger(30),
  SIGN_UP_LIMIT: positiveInteger(10),
  WEBHOOK_EVENT_RETENTION_DAYS: positiveInteger(30),
  RETENTION_PURGE_INTERVAL_SECONDS: positiveInteger(600),
  USAGE_FLUSH_INTERVAL_SECONDS: positiveInteger(2),
  DEFAULT_CALLER_ID: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, { error: "a phone number in E.164 form, e.g. +14155550100" })
    .default("+14155550100"),
  // The region of phone numbers sent without a country code (415-555-0123): one that the phone
  // number library has numbering rules for, so that every national number can be read.
  DEFAULT_PHONE_REGION: z
    .string()
    .default("US")
    .transform((value) => value.toUpperCase())
    .refine((value) => /^[A-Z]{2}$/.test(value) && isSupportedCountry(value), { error: "an ISO 3166 alpha-2 country code, e.g. US, GB or DE" }),
  WEBHOOK_ALLOW_PRIVATE_URLS: z
    .enum(["true", "false"], { error: "true or false" })
    .default("false")
    .transform((value) => value === "true"),
  TRUSTED_PROXIES: trustedProxies,
  // Path of a file in GitHub's public_keys format (lib/leaks/github-public-keys.ts reads it when a
  // report arrives, so a rotated key needs no restart); unset, the secret-scanning endpoint refuses.
  SECRET_SCANNING_PUBLIC_KEYS: z.string().optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
});

const SENSITIVE_KEYS = new Set(["AUTH_SECRET", "NEXTAUTH_SECRET", "DATABASE_URL"]);

export const ENV_KEYS = /** @type {(keyof typeof envSchema.shape)[]} */ (Object.keys(envSchema.shape));

/**
 * The configuration in `source` (process.env by default). An empty value counts as unset, as an
 * empty line in .env.local would mean. Throws an error naming each bad variable and what it expects.
 * @param {Record<string, string | undefined>} [source]
 */
export function parseEnv(source = process.env) {
  /** @type {Record<string, string>} */
  const input = {};
  for (const key of ENV_KEYS) {
    const value = source[key];
    if (value !== undefined && value.trim() !== "") input[key] = value.trim();
  }
  const result = envSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0]);
    // A secret or a database URL (which may hold a password) is never echoed into a log.
    const shown = SENSITIVE_KEYS.has(key) ? "" : `=${JSON.stringify(source[key] ?? "")}`;
    return `  ${key}${shown}: expected ${issue.message}`;
  });
  throw new ConfigurationError(`Invalid configuration:\n${problems.join("\n")}`);
}

export class ConfigurationError extends Error {}
