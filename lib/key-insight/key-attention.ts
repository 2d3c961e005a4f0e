import { DAY_MS } from "./usage-ranges";

export const EXPIRY_WARNING_DAYS = 7;
export const STALE_AFTER_DAYS = 90;

type KeyDates = { createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null; rolledToId: string | null };

export type KeyAttention =
  | { kind: "expired" }
  | { kind: "expiring"; days: number }
  | { kind: "stale" };

// What a key's owner should look at, for the key list's badges and the overview's banner.
// A rolled key is left out of "expiring": it expires on purpose when its grace period ends.
export function keyAttention(key: KeyDates, now: Date): KeyAttention[] {
  const found: KeyAttention[] = [];
  if (key.expiresAt && key.expiresAt <= now) {
    found.push({ kind: "expired" });
  } else if (key.expiresAt && !key.rolledToId && key.expiresAt.getTime() - now.getTime() <= EXPIRY_WARNING_DAYS * DAY_MS) {
    found.push({ kind: "expiring", days: Math.max(1, Math.ceil((key.expiresAt.getTime() - now.getTime()) / DAY_MS)) });
  }
  // Never used counts from creation, so a key made and forgotten is flagged too.
  const lastActivity = key.lastUsedAt ?? key.createdAt;
  if (now.getTime() - lastActivity.getTime() > STALE_AFTER_DAYS * DAY_MS) found.push({ kind: "stale" });
  return found;
}

export function attentionLabel(attention: KeyAttention): string {
  switch (attention.kind) {
    case "expired":
      return "expired";
    case "expiring":
      return `expires in ${attention.days} ${attention.days === 1 ? "day" : "days"}`;
    case "stale":
      return `unused for ${STALE_AFTER_DAYS} days`;
  }
}
