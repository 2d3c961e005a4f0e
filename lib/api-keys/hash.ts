import { createHash } from "node:crypto";

// A fast hash is right for keys: they carry ≥ 178 random bits, so there is nothing to
// brute-force, and they are verified on every request. Slow password hashes would only add latency.
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
