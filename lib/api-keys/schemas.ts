import { z } from "zod";
import { allowedIpsSchema } from "./allowed-ips";
import { API_KEY_EXPIRATIONS, ROLL_GRACE_PERIODS, type ApiKeyExpiration, type RollGrace } from "./choices";
import { grantsSomething, permissionFields, RESTRICTED_NEEDS_ONE } from "./permissions";

export { API_KEY_EXPIRATIONS, ROLL_GRACE_PERIODS, type ApiKeyExpiration, type RollGrace };

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
    allowedIps: allowedIpsSchema,
  })
  .refine(grantsSomething, { message: RESTRICTED_NEEDS_ONE, path: ["access"] });

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

const graceIds = Object.keys(ROLL_GRACE_PERIODS) as [RollGrace, ...RollGrace[]];

export const apiKeyIdSchema = z.string({ error: "Missing API key id." }).min(1, "Missing API key id.").max(64);

export function expiresAtFor(expiration: ApiKeyExpiration, now: Date): Date | null {
  const days = API_KEY_EXPIRATIONS[expiration].days;
  return days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export const setAllowedIpsSchema = z.object({ keyId: apiKeyIdSchema, allowedIps: allowedIpsSchema });

export const rollApiKeySchema = z.object({
  keyId: apiKeyIdSchema,
  grace: z.enum(graceIds, { error: "Choose how long the old key keeps working." }),
});
