import { Secret, TOTP } from "otpauth";

// RFC 6238 with the parameters every authenticator app supports: HMAC-SHA1, 6 digits, 30 s.
const ISSUER = "Switchboard";
const PERIOD_SECONDS = 30;

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS });
}

// 160 random bits, as RFC 4226 recommends, in base32 (what authenticator apps accept typed in).
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

// The otpauth:// URI a QR code carries; the label names the account in the user's app.
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

function normalizeTotpCode(code: string): string {
  return code.replace(/\s+/g, "");
}

// The time step a code belongs to, or null. One step either side is accepted for clock drift;
// the caller keeps the step so each code is good only once.
export function totpStepOf(secret: string, code: string, now = Date.now()): number | null {
  const token = normalizeTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const generator = totp(secret);
  const delta = generator.validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : generator.counter({ timestamp: now }) + delta;
}
