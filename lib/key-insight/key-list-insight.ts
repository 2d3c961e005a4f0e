import type { ApiKeySummary } from "@/lib/api-keys/summary";
import { keyAttention, type KeyAttention } from "./key-attention";
import { weeklyRequestsByKey } from "./usage-series";

export type KeyListInsight = { weeklyRequests: number[]; attention: KeyAttention[] };

// What the key list shows next to each key: its last 7 days of requests and its badges.
export async function keyListInsight(accountId: string, apiKeys: readonly ApiKeySummary[], now = new Date()): Promise<Map<string, KeyListInsight>> {
  const weekly = await weeklyRequestsByKey(
    accountId,
    apiKeys.map((key) => key.id),
    now,
  );
  return new Map(apiKeys.map((key) => [key.id, { weeklyRequests: weekly.get(key.id) ?? [], attention: keyAttention(key, now) }]));
}
