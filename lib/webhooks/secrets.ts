import { randomBytes } from "node:crypto";
import { seal, unseal } from "@/lib/crypto/at-rest";

const SECRET_PREFIX = "whsec_";

// Standard Webhooks secret: "whsec_" + base64 of 32 random bytes; the bytes are the HMAC key.
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

export function webhookSecretKey(secret: string): Buffer {
  return Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
}

// Secrets must be shown again (Reveal) and used to sign, so they cannot be hashed like API keys;
// they are encrypted at rest instead.
const PURPOSE = "webhook signing secrets";

export function encryptSecret(plaintext: string): string {
  return seal(plaintext, PURPOSE);
}

export function decryptSecret(stored: string): string {
  return unseal(stored, PURPOSE);
}
