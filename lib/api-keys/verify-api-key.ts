import { parseApiKey, type ApiKeyFormatProblem } from "./format";
import { hashApiKey } from "./hash";
import type { Allowlist } from "./allowed-ips";
import { keyStore } from "./find-key-by-hash";
import type { ApiKeySummary } from "./summary";

// The allowlist comes compiled, ready to check the client address against.
export type VerifiedApiKey = ApiKeySummary & { allowlist: Allowlist; user: { id: string; email: string; name: string } };

export type ApiKeyRejection = ApiKeyFormatProblem | "unknown" | "revoked" | "expired";

export type ApiKeyVerification = { ok: true; apiKey: VerifiedApiKey } | { ok: false; reason: ApiKeyRejection };

// No cache on purpose: a revoked key must fail on the very next request in every instance.
export async function verifyApiKey(candidate: string, now = new Date()): Promise<ApiKeyVerification> {
  const parsed = parseApiKey(candidate);
  if (!parsed.ok) return { ok: false, reason: parsed.problem };

  const row = await keyStore.findByHash(hashApiKey(parsed.key));
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: "expired" };

  const { revokedAt: _revokedAt, ...apiKey } = row;
  return { ok: true, apiKey };
}
