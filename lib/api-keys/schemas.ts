import { z } from "zod";
import { grantsSomething, permissionFields, RESTRICTED_NEEDS_ONE } from "./permissions";

export const API_KEY_EXPIRATIONS = {
  never: { label: "Never", days: null },
  "7d": { label: "7 days", days: 7 },
  "30d": { label: "30 days", days: 30 },
  "90d": { label: "90 days", days: 90 },
  "1y": { label: "1 year", days: 365 },
} as const;

export type ApiKeyExpiration = keyof typeof API_KEY_EXPIRATIONS;

const expirationIds = Object.keys(API_KEY_EXPIRATIONS) as [ApiKeyExpiration, ...ApiKeyExpiration[]];

export const createApiKeySchema = z
  .object({
    name: z
      .string({ error: "Give the key a name." })
      .trim()
      .min(1, "Give the key a name.")
      .max(64, "Names can be at most 64 characters."),
    expiration: z.enum(expirationIds, { error: "Choose when the key expires." }),
    ...permissionFields,
  })
  .refine(grantsSomething, { message: RESTRICTED_NEEDS_ONE, path: ["access"] });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const ROLL_GRACE_PERIODS = {
  now: { label: "Now", ms: 0 },
  "1h": { label: "1 hour", ms: 60 * 60 * 1000 },
  "24h": { label: "24 hours", ms: 24 * 60 * 60 * 1000 },
} as const;

export type RollGrace = keyof typeof ROLL_GRACE_PERIODS;

const graceIds = Object.keys(ROLL_GRACE_PERIODS) as [RollGrace, ...RollGrace[]];

export const apiKeyIdSchema = z.string({ error: "Missing API key id." }).min(1, "Missing API key id.").max(64);

export function expiresAtFor(expiration: ApiKeyExpiration, now: Date): Date | null {
  const days = API_KEY_EXPIRATIONS[expiration].days;
  return days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export const rollApiKeySchema = z.object({
  keyId: apiKeyIdSchema,
  grace: z.enum(graceIds, { error: "Choose how long the old key keeps working." }),
});
