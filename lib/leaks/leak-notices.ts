import { db } from "@/lib/db";

// How long a leaked key is called out to its owner: the banner (until dismissed) and the
// "Revoked: leaked" row in the key list.
export const LEAK_NOTICE_DAYS = 30;
const LEAK_NOTICE_MS = LEAK_NOTICE_DAYS * 24 * 60 * 60 * 1000;

export type LeakedKey = { id: string; name: string; display: string; leakedAt: Date; source: string; dismissed: boolean };

// The account's keys revoked as leaked within the last 30 days, newest first.
export async function listRecentlyLeakedKeys(accountId: string, now = new Date()): Promise<LeakedKey[]> {
  const rows = await db.apiKey.findMany({
    where: { accountId, leakedAt: { gt: new Date(now.getTime() - LEAK_NOTICE_MS) } },
    orderBy: [{ leakedAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, display: true, leakedAt: true, leakedSource: true, leakNoticeDismissedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    display: row.display,
    leakedAt: row.leakedAt as Date,
    source: row.leakedSource ?? "unknown",
    dismissed: row.leakNoticeDismissedAt !== null,
  }));
}

// The ones the banner still names.
export async function listLeakNotices(accountId: string, now = new Date()): Promise<LeakedKey[]> {
  return (await listRecentlyLeakedKeys(accountId, now)).filter((key) => !key.dismissed);
}

// Scoped by owner: another account's key id changes nothing. False when there was no notice to dismiss.
export async function dismissLeakNotice(accountId: string, apiKeyId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { id: apiKeyId, accountId, leakedAt: { not: null }, leakNoticeDismissedAt: null },
    data: { leakNoticeDismissedAt: now },
  });
  return count > 0;
}

// A source worth linking to: only an https URL, so a report cannot plant a javascript: or
// data: link in the dashboard. Anything else is shown as text.
export function linkableSource(source: string): string | null {
  if (!URL.canParse(source)) return null;
  return new URL(source).protocol === "https:" ? source : null;
}
