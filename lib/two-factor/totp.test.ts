import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { generateTotpSecret, totpStepOf, totpUri } from "./totp";

// RFC 6238, appendix B: the SHA-1 secret is the ASCII string "12345678901234567890".
const RFC_SECRET = Secret.fromLatin1("12345678901234567890").base32;

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors (last 6 digits) at their time steps", () => {
    for (const [seconds, code] of [
      [59, "287082"],
      [1111111109, "081804"],
      [1234567890, "005924"],
      [2000000000, "279037"],
    ] as const) {
      expect(totpStepOf(RFC_SECRET, code, seconds * 1000)).toBe(Math.floor(seconds / 30));
    }
  });

  it("accepts one step of clock drift either way and nothing further", () => {
    const secret = generateTotpSecret();
    const now = 1_800_000_000_000;
    const at = (offsetSteps: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now + offsetSteps * 30_000 });
    const step = Math.floor(now / 30_000);
    expect(totpStepOf(secret, at(0), now)).toBe(step);
    expect(totpStepOf(secret, at(-1), now)).toBe(step - 1);
    expect(totpStepOf(secret, at(1), now)).toBe(step + 1);
    expect(totpStepOf(secret, at(-3), now)).toBeNull();
    expect(totpStepOf(secret, at(3), now)).toBeNull();
  });

  it("refuses malformed codes without computing anything", () => {
    const secret = generateTotpSecret();
    for (const code of ["", "12345", "1234567", "abcdef", "12 34 5"]) expect(totpStepOf(secret, code)).toBeNull();
  });

  it("makes 160-bit base32 secrets and an otpauth URI naming the account and the issuer", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, "ada@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Switchboard:ada@example.com");
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret, issuer: "Switchboard", algorithm: "SHA1", digits: "6", period: "30" });
  });
});
