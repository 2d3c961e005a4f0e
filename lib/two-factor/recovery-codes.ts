import { createHash, randomBytes } from "node:crypto";

// Crockford's base32 alphabet (no i, l, o, u: nothing to misread when typed from paper).
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const RECOVERY_CODE_COUNT = 10;

// 16 characters of 5 bits each (80 bits): far too many to guess, so a fast hash is enough to
// store them, as for API keys. 256 is a multiple of 32, so `byte % 32` has no bias.
export function generateRecoveryCode(): string {
  const characters = [...randomBytes(16)].map((byte) => ALPHABET[byte % 32]).join("");
  return characters.match(/.{4}/g)!.join("-");
}

export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
}

// Case, spaces and dashes do not matter when a code is typed back.
export function normalizeRecoveryCode(code: string): string | null {
  const normalized = code.toLowerCase().replace(/[\s-]+/g, "");
  return /^[0-9a-hjkmnp-tv-z]{16}$/.test(normalized) ? normalized : null;
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}
