import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateApiKey } from "./format";
import { hashApiKey } from "./hash";

// Expected values computed once with `echo -n <input> | sha256sum`.
const VECTORS = [
  ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["hello", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"],
  [
    "sb_live_abcdefghijklmnopqrstuvwxyzABCD3T3yyu",
    "8a3f7fbd4bf1a568544bff53478c02413c3448bc3ff1c690763bb8af9d6c9af4",
  ],
] as const;

describe("hashApiKey", () => {
  it.each(VECTORS)("hashes %j to its known SHA-256 hex digest", (input, expected) => {
    expect(hashApiKey(input)).toBe(expected);
  });

  it("is 64 lower-case hex characters and agrees with node:crypto", () => {
    for (let i = 0; i < 100; i++) {
      const key = generateApiKey();
      const hash = hashApiKey(key);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(hash).toBe(createHash("sha256").update(key, "utf8").digest("hex"));
    }
  });

  it("is deterministic", () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(`${key}`)).toBe(hashApiKey(key.slice(0)));
  });

  it("differs for keys that differ in one character and does not contain the key", () => {
    const key = "sb_live_abcdefghijklmnopqrstuvwxyzABCD3T3yyu";
    const neighbour = "sb_live_abcdefghijklmnopqrstuvwxyzABCD3T3yyv";
    expect(hashApiKey(key)).not.toBe(hashApiKey(neighbour));
    expect(hashApiKey(key)).not.toContain(key.slice(8));
  });
});
