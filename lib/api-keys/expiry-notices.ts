import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { emitWebhookEvent } from "@/lib/webhooks/outbox";
import { startIntervalWorker } from "@/lib/workers/interval-worker";
import { apiKeyEventData } from "./api-keys";
import { summaryFields, withStoredScopes } from "./summary";

const DAY_MS = 24 * 60 * 60 * 1000;
const TICK_MS = 60_000;
// Keys handled per notice per tick; the rest wait for the next tick.
const BATCH = 100;

type NoticeColumn = "expiryNotice7dAt" | "expiryNotice1dAt" | "expiredNoticeAt";

// Which keys are due a notice, and the column that records it was sent.
// 7 days: expiring in (1 day, 7 days]. 1 day: expiring within a day. Expired: the
// audit record. Rolled keys are left out of the warnings: their grace period ends on purpose.
function dueWhere(column: NoticeColumn, now: Date) {
  const inDays = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const base = { revokedAt: null, [column]: null };
  if (column === "expiryNotice7dAt") return { ...base, rolledToId: null, expiresAt: { gt: inDays(1), lte: inDays(7) } };
  if (column === "expiryNotice1dAt") return { ...base, rolledToId: null, expiresAt: { gt: now, lte: inDays(1) } };
  return { ...base, expiresAt: { lte: now } };
}

// Claims one notice for one key and sends it, in one transaction. The conditional update is the
// claim: of several instances (or ticks) that found the same key due, exactly one sees count 1
// and emits; the others change nothing. Returns whether this call sent it.
async function claimAndSend(client: PrismaClient, apiKeyId: string, column: NoticeColumn, now: Date): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: apiKeyId, ...dueWhere(column, now) }, data: { [column]: now } });
    if (count === 0) return false;
    const key = withStoredScopes(await tx.apiKey.findUniqueOrThrow({ where: { id: apiKeyId }, select: { ...summaryFields, accountId: true } }));
    // A key made to last a week or less would be warned the moment it is made: its 7-day notice
    // is marked handled without an event.
    if (column === "expiryNotice7dAt" && key.expiresAt && key.expiresAt.getTime() - key.createdAt.getTime() <= 7 * DAY_MS) return false;
    if (column === "expiredNoticeAt") {
      await recordAuditEvent(tx, {
        accountId: key.accountId,
        apiKeyId,
        action: "api_key.expired",
        actor: "system",
        origin: { ip: null, userAgent: null },
        detail: { expires_at: key.expiresAt?.toISOString() ?? null },
      });
    } else {
      const data = apiKeyEventData(key);
      await emitWebhookEvent(tx, key.accountId, "api_key.expiring", {
        ...data,
        expires_at: data.expires_at ?? now.toISOString(),
        expires_in_days: column === "expiryNotice7dAt" ? 7 : 1,
      });
    }
    return true;
  });
}

// One pass over the keys due a notice; returns how many notices this call sent.
export async function sendExpiryNotices(now = new Date(), client: PrismaClient = db): Promise<number> {
  let sent = 0;
  for (const column of ["expiryNotice7dAt", "expiryNotice1dAt", "expiredNoticeAt"] as const) {
    const due = await client.apiKey.findMany({ where: dueWhere(column, now), select: { id: true }, orderBy: { expiresAt: "asc" }, take: BATCH });
    for (const { id } of due) if (await claimAndSend(client, id, column, now)) sent += 1;
  }
  return sent;
}

export function startExpiryNotices() {
  startIntervalWorker("api key expiry notices", TICK_MS, () => sendExpiryNotices());
}
