import { z } from "zod";

// Longer than any key (44 characters), short enough that 100 of them stay a small request.
const MAX_CREDENTIAL_LENGTH = 256;

export const revokeCredentialsSchema = z
  .strictObject({
    credentials: z
      .array(z.string().max(MAX_CREDENTIAL_LENGTH, { error: `must be at most ${MAX_CREDENTIAL_LENGTH} characters each.` }))
      .min(1, { error: "must list at least one credential." })
      .max(100, { error: "may list at most 100 credentials per request." })
      .meta({ description: "The exposed credentials, e.g. sb_live_… keys (1–100)." }),
  })
  .meta({ id: "RevokeCredentials" });

export const credentialsRevocationSchema = z
  .object({
    object: z.literal("credentials_revocation"),
    status: z.literal("accepted"),
    message: z.string(),
  })
  .meta({ id: "CredentialsRevocation", description: "The same answer whether or not anything matched." });

export const CREDENTIALS_REVOCATION: z.output<typeof credentialsRevocationSchema> = {
  object: "credentials_revocation",
  status: "accepted",
  message: "Every live Switchboard API key among the credentials is now revoked, and its owner notified.",
};

// GitHub's report: one object per match, possibly several per request. Plain (not strict) objects:
// fields GitHub adds later are ignored rather than refused, since GitHub would not retry.
export const secretScanningReportSchema = z
  .array(
    z.object({
      token: z.string().min(1).max(MAX_CREDENTIAL_LENGTH),
      type: z.string().max(256),
      url: z.string().max(2048).optional(),
      source: z.string().max(256).optional(),
    }),
  )
  .min(1)
  .max(1000)
  .meta({ id: "SecretScanningReport", description: "GitHub secret scanning's report: the matches it found." });

export const secretScanningLabelsSchema = z
  .array(
    z.object({
      token_hash: z.string().meta({ description: "SHA-256 of the token, lowercase hex." }),
      token_type: z.string(),
      label: z.enum(["true_positive", "false_positive"]),
    }),
  )
  .meta({ id: "SecretScanningLabels", description: "For each reported token: whether it is a key Switchboard issued." });
