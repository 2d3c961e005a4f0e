import { describe, expect, it } from "vitest";
import { isSealed, seal, unseal } from "./at-rest";

describe("seal / unseal", () => {
  it("round-trips, with a fresh IV each time and no plaintext in the sealed form", () => {
    const plaintext = '{"secret":"whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I="}';
    const [first, second] = [seal(plaintext, "test values"), seal(plaintext, "test values")];
    expect(first).not.toBe(second);
    expect(first).not.toContain("whsec_");
    expect(isSealed(first)).toBe(true);
    expect(unseal(first, "test values")).toBe(plaintext);
    expect(unseal(second, "test values")).toBe(plaintext);
  });

  it("refuses a value sealed for another purpose, or tampered with", () => {
    const sealed = seal("hello", "test values");
    expect(() => unseal(sealed, "other values")).toThrow();
    const [version, iv, tag, body] = sealed.split(".");
    const flipped = Buffer.from(body, "base64");
    flipped[0] ^= 1;
    expect(() => unseal([version, iv, tag, flipped.toString("base64")].join("."), "test values")).toThrow();
    expect(() => unseal('{"plain":"json"}', "test values")).toThrow("Unreadable test values");
    expect(isSealed('{"plain":"json"}')).toBe(false);
  });
});
