import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";

// Key layout: "sb_live_" + 30 random base62 chars + 6 base62 chars of CRC-32.
// The prefix lets secret scanners find leaked keys; the checksum lets us reject a
// mistyped or truncated key before any database work.
export const API_KEY_PREFIX = "sb_live_";
const RANDOM_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
export const API_KEY_LENGTH = API_KEY_PREFIX.length + RANDOM_LENGTH + CHECKSUM_LENGTH;

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE62_BODY = /^[0-9A-Za-z]*$/;
// Bytes at or above this are discarded so every character is equally likely (248 = 4 × 62).
const UNBIASED_BYTE_LIMIT = 248;

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < UNBIASED_BYTE_LIMIT) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

function toBase62(value: number, width: number): string {
  let out = "";
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, "0");
}

export function apiKeyChecksum(body: string): string {
  return toBase62(crc32(body) >>> 0, CHECKSUM_LENGTH);
}

export function generateApiKey(): string {
  const body = API_KEY_PREFIX + randomBase62(RANDOM_LENGTH);
  return body + apiKeyChecksum(body);
}

export type ApiKeyFormatProblem = "prefix" | "length" | "characters" | "checksum";

export type ParsedApiKey = { ok: true; key: string } | { ok: false; problem: ApiKeyFormatProblem };

export function parseApiKey(candidate: string): ParsedApiKey {
  if (!candidate.startsWith(API_KEY_PREFIX)) return { ok: false, problem: "prefix" };
  if (candidate.length !== API_KEY_LENGTH) return { ok: false, problem: "length" };
  const rest = candidate.slice(API_KEY_PREFIX.length);
  if (!BASE62_BODY.test(rest)) return { ok: false, problem: "characters" };
  const body = candidate.slice(0, -CHECKSUM_LENGTH);
  if (apiKeyChecksum(body) !== candidate.slice(-CHECKSUM_LENGTH)) {
    return { ok: false, problem: "checksum" };
  }
  return { ok: true, key: candidate };
}

// What the owner sees in the list to tell keys apart; reveals 8 of the 36 secret characters.
export function displayApiKey(key: string): string {
  const start = API_KEY_PREFIX.length;
  return `${key.slice(0, start + 4)}…${key.slice(-4)}`;
}
