import { describe, expect, it, vi } from "vitest";

// Lets one test feed chosen bytes to the generator; every other test gets real randomness.
const bytesSource = vi.hoisted(() => ({ next: null as null | ((size: number) => Buffer) }));

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  const randomBytes = ((size: number) =>
    bytesSource.next ? bytesSource.next(size) : actual.randomBytes(size)) as typeof actual.randomBytes;
  return { ...actual, default: { ...actual, randomBytes }, randomBytes };
});

import {
  API_KEY_LENGTH,
  API_KEY_PREFIX,
  apiKeyChecksum,
  displayApiKey,
  generateApiKey,
  parseApiKey,
} from "./format";

// --- An independent reference implementation of the documented checksum -----------------------
// Table-driven CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), not node:zlib.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function referenceCrc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of new TextEncoder().encode(text)) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

// Base62 by place values (62^5 … 62^0), most significant first, which is 6 digits wide by construction.
function referenceBase62(value: number): string {
  let rest = BigInt(value);
  let out = "";
  for (let place = 5; place >= 0; place--) {
    const weight = 62n ** BigInt(place);
    out += DIGITS[Number(rest / weight)];
    rest %= weight;
  }
  return out;
}

const referenceChecksum = (body: string) => referenceBase62(referenceCrc32(body));

// Worked by hand: CRC-32("sb_live_abcdefghijklmnopqrstuvwxyzABCD") = 0xBD6A5208 = 3177861640
// = 3·62^5 + 29·62^4 + 3·62^3 + 60·62^2 + 60·62 + 56 → "3" "T" "3" "y" "y" "u".
const KNOWN_BODY = "sb_live_abcdefghijklmnopqrstuvwxyzABCD";
const KNOWN_KEY = `${KNOWN_BODY}3T3yyu`;
// CRC-32 = 3969734 = 16·62^3 + 40·62^2 + 43·62 + 60 → "Gehy", left-padded to "00Gehy".
const PADDED_KEY = "sb_live_00000000000000000000000000001M00Gehy";
const KEY_SHAPE = /^sb_live_[0-9A-Za-z]{36}$/;

function replaceAt(text: string, index: number, replacement: string): string {
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe("reference checksum (sanity of the test's own implementation)", () => {
  it("matches the published CRC-32 check value", () => {
    expect(referenceCrc32("123456789")).toBe(0xcbf43926);
    expect(referenceCrc32("")).toBe(0);
  });

  it("writes base62 most significant first and pads to 6", () => {
    expect(referenceBase62(0)).toBe("000000");
    expect(referenceBase62(61)).toBe("00000z");
    expect(referenceBase62(62)).toBe("000010");
    expect(referenceBase62(0xffffffff)).toBe("4gfFC3");
  });
});

describe("apiKeyChecksum", () => {
  it("matches the hand-computed vectors", () => {
    expect(apiKeyChecksum(KNOWN_BODY)).toBe("3T3yyu");
    expect(apiKeyChecksum(PADDED_KEY.slice(0, 38))).toBe("00Gehy");
    expect(apiKeyChecksum("123456789")).toBe("3jZRME"); // 0xCBF43926
  });

  it("left-pads small CRCs with 0 to 6 characters", () => {
    expect(apiKeyChecksum("")).toBe("000000"); // CRC-32 of nothing is 0
  });
});

describe("generateApiKey", () => {
  it("has the documented prefix, length and alphabet", () => {
    expect(API_KEY_PREFIX).toBe("sb_live_");
    expect(API_KEY_LENGTH).toBe(44);
    for (let i = 0; i < 1000; i++) {
      const key = generateApiKey();
      expect(key.startsWith("sb_live_")).toBe(true);
      expect(key).toHaveLength(44);
      expect(key).toMatch(KEY_SHAPE);
    }
  });

  it("ends with the CRC-32/base62 checksum of its first 38 characters (independent implementation)", () => {
    for (let i = 0; i < 2000; i++) {
      const key = generateApiKey();
      expect(key.slice(38)).toBe(referenceChecksum(key.slice(0, 38)));
    }
  });

  it("produces keys that parseApiKey accepts", () => {
    for (let i = 0; i < 500; i++) {
      const key = generateApiKey();
      expect(parseApiKey(key)).toEqual({ ok: true, key });
    }
  });

  it("never repeats over 10,000 keys", () => {
    const keys = new Set(Array.from({ length: 10_000 }, generateApiKey));
    expect(keys.size).toBe(10_000);
    // The random parts alone are unique too, so uniqueness is not just down to the checksum.
    expect(new Set([...keys].map((key) => key.slice(8, 38))).size).toBe(10_000);
  });

  it("spreads random characters evenly over the 62 digits and every position", () => {
    const SAMPLES = 10_000;
    const overall = new Map<string, number>();
    const perPosition = Array.from({ length: 30 }, () => new Set<string>());
    for (let i = 0; i < SAMPLES; i++) {
      const random = generateApiKey().slice(8, 38);
      for (let p = 0; p < 30; p++) {
        overall.set(random[p], (overall.get(random[p]) ?? 0) + 1);
        perPosition[p].add(random[p]);
      }
    }
    expect([...overall.keys()].sort().join("")).toBe([...DIGITS].sort().join(""));

    const expected = (SAMPLES * 30) / 62; // ≈ 4839 per digit
    let chiSquare = 0;
    for (const count of overall.values()) {
      chiSquare += (count - expected) ** 2 / expected;
      // ±10% is about 7 standard deviations: never trips by chance, but a skewed alphabet would.
      expect(Math.abs(count - expected)).toBeLessThan(expected * 0.1);
    }
    // 61 degrees of freedom: mean 61, P(χ² > 150) ≈ 2e-9. Plain `byte % 62` without rejection
    // sampling (digits 0-7 five times in 256 instead of four) would give χ² ≈ 2,000.
    expect(chiSquare).toBeLessThan(150);
    // No position is stuck or restricted: each of the 30 shows all 62 digits.
    for (const seen of perPosition) expect(seen.size).toBe(62);
  });

  it("discards bytes ≥ 248 (rejection sampling) and maps the rest with % 62", () => {
    const calls: number[] = [];
    const stream = [
      ...Array.from({ length: 8 }, (_, i) => 248 + i), // all rejected
      0, 61, 62, 123, 124, 185, 186, 247, // → 0 z 0 z 0 z 0 z
      ...Array.from({ length: 22 }, (_, i) => 10 + i), // → A..V
    ];
    bytesSource.next = (size) => {
      calls.push(size);
      // First draw: only rejectable bytes, so the generator has to draw again.
      if (calls.length === 1) return Buffer.alloc(size, 255);
      const out = Buffer.alloc(size, 255);
      Buffer.from(stream).copy(out);
      return out;
    };
    try {
      const key = generateApiKey();
      expect(calls.length).toBe(2);
      expect(key.slice(8, 38)).toBe("0z0z0z0z" + "ABCDEFGHIJKLMNOPQRSTUV");
      expect(key.slice(38)).toBe(referenceChecksum(key.slice(0, 38)));
    } finally {
      bytesSource.next = null;
    }
  });
});

describe("parseApiKey", () => {
  const valid = [KNOWN_KEY, PADDED_KEY, generateApiKey()];

  it("accepts valid keys and returns them unchanged", () => {
    for (const key of valid) expect(parseApiKey(key)).toEqual({ ok: true, key });
  });

  it.each([
    ["test-mode prefix", `sb_test_${KNOWN_KEY.slice(8)}`],
    ["missing prefix", KNOWN_KEY.slice(8)],
    ["missing prefix, padded to full length", `xxxxxxxx${KNOWN_KEY.slice(8)}`],
    ["upper-case prefix", `SB_LIVE_${KNOWN_KEY.slice(8)}`],
    ["partial prefix", KNOWN_KEY.slice(3)],
    ["leading space", ` ${KNOWN_KEY}`],
    ["quoted", `"${KNOWN_KEY}"`],
    ["Bearer scheme left in", `Bearer ${KNOWN_KEY}`],
    ["empty", ""],
  ])("rejects %s as a prefix problem", (_label, candidate) => {
    expect(parseApiKey(candidate)).toEqual({ ok: false, problem: "prefix" });
  });

  it.each([
    ["prefix only", "sb_live_"],
    ["too short by one (truncated)", KNOWN_KEY.slice(0, -1)],
    ["truncated to the random part", KNOWN_KEY.slice(0, 38)],
    ["checksum doubled", `${KNOWN_KEY}3T3yyu`],
    ["too long by one", `${KNOWN_KEY}a`],
    ["two keys pasted together", KNOWN_KEY + PADDED_KEY],
    ["trailing newline", `${KNOWN_KEY}\n`],
    ["trailing space", `${KNOWN_KEY} `],
    ["surrogate-pair emoji replacing one character", replaceAt(KNOWN_KEY, 20, "😀")],
  ])("rejects %s as a length problem", (_label, candidate) => {
    expect(parseApiKey(candidate)).toEqual({ ok: false, problem: "length" });
  });

  it.each([
    ["a hyphen", "-"],
    ["a space", " "],
    ["an underscore", "_"],
    ["a dot", "."],
    ["a plus", "+"],
    ["a slash", "/"],
    ["an accented letter", "é"],
    ["a Greek letter", "α"],
    ["a full-width digit", "０"],
    ["a newline", "\n"],
    ["a NUL", "\u0000"],
  ])("rejects a key containing %s as a characters problem", (_label, character) => {
    for (const index of [8, 20, 37, 38, 43]) {
      const candidate = replaceAt(KNOWN_KEY, index, character);
      expect(candidate).toHaveLength(44);
      expect(parseApiKey(candidate)).toEqual({ ok: false, problem: "characters" });
    }
  });

  it("rejects an emoji replacing two characters as a characters problem", () => {
    const candidate = `${KNOWN_KEY.slice(0, 20)}😀${KNOWN_KEY.slice(22)}`;
    expect(candidate).toHaveLength(44);
    expect(parseApiKey(candidate)).toEqual({ ok: false, problem: "characters" });
  });

  it("catches every single-character substitution after the prefix as a checksum problem", () => {
    for (const key of valid) {
      for (let index = 8; index < 44; index++) {
        for (const digit of DIGITS) {
          if (digit === key[index]) continue;
          const candidate = replaceAt(key, index, digit);
          expect(parseApiKey(candidate), `${key} with [${index}] = ${digit}`).toEqual({
            ok: false,
            problem: "checksum",
          });
        }
      }
    }
  });

  it("catches adjacent transpositions as a checksum problem", () => {
    for (const key of valid) {
      for (let index = 8; index < 43; index++) {
        if (key[index] === key[index + 1]) continue;
        const candidate = key.slice(0, index) + key[index + 1] + key[index] + key.slice(index + 2);
        expect(parseApiKey(candidate)).toEqual({ ok: false, problem: "checksum" });
      }
    }
  });

  it("rejects a key carrying another key's checksum", () => {
    expect(parseApiKey(KNOWN_BODY + PADDED_KEY.slice(38))).toEqual({ ok: false, problem: "checksum" });
    expect(parseApiKey(PADDED_KEY.slice(0, 38) + KNOWN_KEY.slice(38))).toEqual({ ok: false, problem: "checksum" });
  });

  it("rejects a checksum with its halves swapped or its case flipped", () => {
    expect(parseApiKey(`${KNOWN_BODY}yyu3T3`)).toEqual({ ok: false, problem: "checksum" });
    expect(parseApiKey(`${KNOWN_BODY}3t3YYU`)).toEqual({ ok: false, problem: "checksum" });
    // The unpadded form of a small checksum is not accepted in place of the padded one.
    expect(parseApiKey(`${PADDED_KEY.slice(0, 38)}Gehy00`)).toEqual({ ok: false, problem: "checksum" });
  });

  it("checks the prefix before the length, and the length before the characters", () => {
    expect(parseApiKey("sb_test_-")).toEqual({ ok: false, problem: "prefix" });
    expect(parseApiKey("sb_live_-")).toEqual({ ok: false, problem: "length" });
  });
});

describe("displayApiKey", () => {
  it("shows the prefix, the first 4 and the last 4 characters around an ellipsis", () => {
    expect(displayApiKey(KNOWN_KEY)).toBe("sb_live_abcd…3yyu");
    expect(displayApiKey(PADDED_KEY)).toBe("sb_live_0000…Gehy");
  });

  it("has the shape sb_live_XXXX…YYYY for generated keys and reveals no more than 8 secret characters", () => {
    for (let i = 0; i < 100; i++) {
      const key = generateApiKey();
      const display = displayApiKey(key);
      expect(display).toMatch(/^sb_live_[0-9A-Za-z]{4}\u2026[0-9A-Za-z]{4}$/);
      expect(display).toHaveLength(17);
      expect(display.startsWith(key.slice(0, 12))).toBe(true);
      expect(display.endsWith(key.slice(-4))).toBe(true);
      expect(display).not.toContain(key.slice(8));
    }
  });
});
