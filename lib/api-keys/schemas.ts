import { z } from "zod";

export const API_KEY_EXPIRATIONS = {
  never: { label: "Never", days: null },
  "7d": { label: "7 days", days: 7 },
  "30d": { label: "30 days", days: 30 },
  "90d": { label: "90 days", days: 90 },
  "1y": { label: "1 year", days: 365 },
} as const;

export type ApiKeyExpiration = keyof typeof API_KEY_EXPIRATIONS;

const expirationIds = Object.keys(API_KEY_EXPIRATIONS) as [ApiKeyExpiration, ...ApiKeyExpiration[]];

export const createApiKeySchema = z.object({
  name: z
    .string({ error: "Give the key a name." })
    .trim()
    .min(1, "Give the key a name.")
    .max(64, "Names can be at most 64 characters."),
  expiration: z.enum(expirationIds, { error: "Choose when the key expires." }),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.string({ error: "Missing API key id." }).min(1, "Missing API key id.").max(64);

export function expiresAtFor(expiration: ApiKeyExpiration, now: Date): Date | null {
  const days = API_KEY_EXPIRATIONS[expiration].days;
  return days === null ? null : new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}
