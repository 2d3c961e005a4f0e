import { describe, expect, it } from "vitest";
import { hashPassword, passwordDecoyHash, verifyPassword } from "./password";

const PASSWORD = "correct horse battery staple";
const FORMAT = /^scrypt\$32768\$8\$1\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

// Swaps one base64 character for another, so the string still decodes to the same length.
function tamperBase64(value: string, index: number): string {
  const replacement = value[index] === "A" ? "B" : "A";
  return value.slice(0, index) + replacement + value.slice(index + 1);
}

describe("hashPassword", () => {
  it("stores scrypt$N$r$p$salt$hash with a 16-byte salt and a 32-byte key", async () => {
    const stored = await hashPassword(PASSWORD);
    const match = FORMAT.exec(stored);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1], "base64")).toHaveLength(16);
    expect(Buffer.from(match![2], "base64")).toHaveLength(32);
    expect(stored).not.toContain(PASSWORD);
  });

  it("uses a fresh salt each time, so equal passwords hash differently", async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
    expect(first).not.toBe(second);
    expect(first.split("$")[4]).not.toBe(second.split("$")[4]);
    expect(first.split("$")[5]).not.toBe(second.split("$")[5]);
    expect(await verifyPassword(PASSWORD, first)).toBe(true);
    expect(await verifyPassword(PASSWORD, second)).toBe(true);
  });
});

describe("verifyPassword", () => {
  it("accepts the right password and rejects wrong ones", async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(PASSWORD, stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
    expect(await verifyPassword("Correct horse battery staple", stored)).toBe(false);
    expect(await verifyPassword(`${PASSWORD} `, stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("returns false when the salt or the hash in the stored string was tampered with", async () => {
    const stored = await hashPassword(PASSWORD);
    const parts = stored.split("$");
    const withPart = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join("$");

    expect(await verifyPassword(PASSWORD, withPart(5, tamperBase64(parts[5], 3)))).toBe(false);
    expect(await verifyPassword(PASSWORD, withPart(4, tamperBase64(parts[4], 3)))).toBe(false);
    // A shorter hash fails the length check instead of throwing in timingSafeEqual.
    expect(await verifyPassword(PASSWORD, withPart(5, parts[5].slice(0, 20)))).toBe(false);
    // A different (valid) cost parameter derives a different key.
    expect(await verifyPassword(PASSWORD, withPart(2, "9"))).toBe(false);
  });

  it("returns false for stored strings that are not scrypt hashes", async () => {
    const stored = await hashPassword(PASSWORD);
    for (const bogus of [
      "",
      PASSWORD,
      "scrypt",
      "scrypt$$$$$",
      stored.replace(/^scrypt/, "bcrypt"),
      stored.split("$").slice(0, 5).join("$"), // hash missing
      stored.split("$").slice(0, 4).join("$"), // salt and hash missing
    ]) {
      expect(await verifyPassword(PASSWORD, bogus), bogus).toBe(false);
    }
  });

  it("returns false, without deriving, when a cost parameter was tampered with or is huge", async () => {
    const stored = await hashPassword(PASSWORD);
    const parts = stored.split("$");
    for (const [index, value] of [
      [1, "abc"],
      [1, "3"],
      [2, "0"],
      [3, "x"],
      [1, String(2 ** 24)],
    ] as const) {
      const tampered = parts.map((part, i) => (i === index ? value : part)).join("$");
      expect(await verifyPassword(PASSWORD, tampered)).toBe(false);
    }
  });

  it("treats NFC and NFD spellings of the same password as equal", async () => {
    const nfc = "Crème brûlée café ñandú".normalize("NFC");
    const nfd = nfc.normalize("NFD");
    expect(nfc).not.toBe(nfd);

    const storedFromNfc = await hashPassword(nfc);
    expect(await verifyPassword(nfd, storedFromNfc)).toBe(true);
    expect(await verifyPassword(nfc, storedFromNfc)).toBe(true);

    const storedFromNfd = await hashPassword(nfd);
    expect(await verifyPassword(nfc, storedFromNfd)).toBe(true);

    // Normalization does not erase real differences between letters.
    expect(await verifyPassword("Creme brulee cafe nandu", storedFromNfc)).toBe(false);
  });
});

describe("passwordDecoyHash", () => {
  it("is one memoized scrypt hash that no guessed password matches", async () => {
    const first = passwordDecoyHash();
    expect(passwordDecoyHash()).toBe(first);
    const decoy = await first;
    expect(decoy).toMatch(FORMAT);
    expect(await verifyPassword(PASSWORD, decoy)).toBe(false);
    expect(await verifyPassword("", decoy)).toBe(false);
  });
});
