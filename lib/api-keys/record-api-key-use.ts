import { db } from "@/lib/db";

const LAST_USED_RESOLUTION_MS = 60_000;

// Per-process memo so a burst of requests before the first write lands issues one write, not many.
const recentWrites = new Map<string, number>();

export function needsLastUsedWrite(keyId: string, lastUsedAt: Date | null, now: Date): boolean {
  if (lastUsedAt && now.getTime() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return false;
  const memo = recentWrites.get(keyId);
  return memo === undefined || now.getTime() - memo >= LAST_USED_RESOLUTION_MS;
}

// At most one write per key per minute across all instances: the WHERE clause only
// matches while the stored value is older than the resolution.
export async function recordApiKeyUse(keyId: string, now: Date): Promise<void> {
  recentWrites.set(keyId, now.getTime());
  if (recentWrites.size > 10_000) recentWrites.clear();
  await db.apiKey.updateMany({
    where: {
      id: keyId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
}
