import { randomBytes } from "node:crypto";

// "<prefix>_" + 9 base36 chars of the creation time in ms + 16 random base36 chars. Ids sort by
// creation time, so lists page by id alone, and lowercase base36 sorts the same under every
// database collation.
const TIME_LENGTH = 9;
const RANDOM_LENGTH = 16;
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
const UNBIASED_BYTE_LIMIT = 252; // 7 × 36

export function newId(prefix: string, now = Date.now()): string {
  let random = "";
  while (random.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(RANDOM_LENGTH * 2)) {
      if (byte < UNBIASED_BYTE_LIMIT && random.length < RANDOM_LENGTH) random += ALPHABET[byte % 36];
    }
  }
  return `${prefix}_${now.toString(36).padStart(TIME_LENGTH, "0")}${random}`;
}

const patterns = new Map<string, RegExp>();

// Compiled once per prefix: ids are checked on every request that names one.
export function idPattern(prefix: string): RegExp {
  let pattern = patterns.get(prefix);
  if (!pattern) {
    pattern = new RegExp(`^${prefix}_[0-9a-z]{${TIME_LENGTH + RANDOM_LENGTH}}$`);
    patterns.set(prefix, pattern);
  }
  return pattern;
}

const LARGEST_TIME = 36 ** TIME_LENGTH - 1;

// The smallest id newId(prefix, at) can return, or null for a time ids cannot carry (before 1970,
// after the year 5188). Since ids sort by creation time, "created at or after `at`" is "id ≥ this":
// a time filter becomes a range on an id index.
export function firstIdAt(prefix: string, at: Date): string | null {
  const ms = at.getTime();
  if (!Number.isInteger(ms) || ms < 0 || ms > LARGEST_TIME) return null;
  return `${prefix}_${ms.toString(36).padStart(TIME_LENGTH, "0")}`;
}
