import { describe, expect, it } from "vitest";
import { generateRecoveryCode, generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("makes 10 distinct codes of 16 base32 characters in groups of four", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
  });

  it("uses the whole alphabet (no modulo bias drops a letter)", () => {
    const seen = new Set(Array.from({ length: 200 }, generateRecoveryCode).join("").replaceAll("-", ""));
    expect(seen.size).toBe(32);
  });

  it("reads a code back however it is typed, and refuses what cannot be one", () => {
    const code = generateRecoveryCode();
    const normalized = normalizeRecoveryCode(code)!;
    expect(normalized).toHaveLength(16);
    expect(normalizeRecoveryCode(code.toUpperCase())).toBe(normalized);
    expect(normalizeRecoveryCode(` ${code.replaceAll("-", " ")} `)).toBe(normalized);
    expect(normalizeRecoveryCode("123456")).toBeNull();
    expect(normalizeRecoveryCode("iiii-llll-oooo-uuuu")).toBeNull();
  });

  it("stores a SHA-256 of the normalized code, never the code", () => {
    const normalized = normalizeRecoveryCode(generateRecoveryCode())!;
    const hash = hashRecoveryCode(normalized);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(normalized);
  });
});
