import { db } from "@/lib/db";
import { summaryFields, withStoredScopes, type ApiKeySummary } from "@/lib/api-keys/summary";
import { EXPIRY_WARNING_DAYS, keyAttention, STALE_AFTER_DAYS, type KeyAttention } from "./key-attention";
import { DAY_MS } from "./usage-ranges";

export type ApiKeyDetails = ApiKeySummary & { lastUsedIp: string | null; lastUsedUserAgent: string | null };

// One key of the owner for its page, expired ones included; another account's key, or a deleted
// one, is null, so the page answers not-found exactly as for an id that never existed.
export async function findOwnApiKey(accountId: string, apiKeyId: string): Promise<ApiKeyDetails | null> {
  const row = await db.apiKey.findFirst({
    where: { id: apiKeyId, accountId, revokedAt: null },
    select: { ...summaryFields, lastUsedIp: true, lastUsedUserAgent: true },
  });
  return row ? withStoredScopes(row) : null;
}

export type KeyNeedingAttention = { id: string; name: string; display: string; attention: KeyAttention[] };

// The working keys that expire within a week or have gone unused for 90 days, for the overview's
// banner. The query only narrows the candidates; keyAttention decides, as for the badges.
export async function keysNeedingAttention(accountId: string, now = new Date()): Promise<KeyNeedingAttention[]> {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
  const rows = await db.apiKey.findMany({
    where: {
      accountId,
      revokedAt: null,
      AND: [
        { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        {
          OR: [
            { rolledToId: null, expiresAt: { lte: new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS) } },
            { lastUsedAt: { lt: staleBefore } },
            { lastUsedAt: null, createdAt: { lt: staleBefore } },
          ],
        },
      ],
    },
    select: { id: true, name: true, display: true, createdAt: true, expiresAt: true, lastUsedAt: true, rolledToId: true },
  });
  // Soonest expiry first, then the stale keys oldest first (engines sort nulls differently).
  const order = (row: (typeof rows)[number]) => row.expiresAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return rows
    .sort((a, b) => order(a) - order(b) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((row) => ({ id: row.id, name: row.name, display: row.display, attention: keyAttention(row, now) }))
    .filter((key) => key.attention.length > 0);
}
