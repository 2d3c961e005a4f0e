import { ACTION_LABELS } from "@/lib/audit/action-labels";
import type { AuditAction } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recentActivitySchema, type RecentActivity } from "./schemas";

export const RECENT_ACTIVITY_LIMIT = 5;

const labelOf = (action: string) => (Object.hasOwn(ACTION_LABELS, action) ? ACTION_LABELS[action as AuditAction] : action);

// The latest calls and audit events of the account, newest first, for the overview. Both read an
// (account, …) index and stop after a handful of rows.
export async function recentActivity(accountId: string, client: PrismaClient = db): Promise<RecentActivity> {
  const [calls, events] = await Promise.all([
    client.call.findMany({
      where: { accountId },
      orderBy: { id: "desc" },
      take: RECENT_ACTIVITY_LIMIT,
      select: { id: true, status: true, direction: true, to: true, from: true, createdAt: true },
    }),
    client.auditEvent.findMany({
      where: { accountId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT_ACTIVITY_LIMIT,
      select: { id: true, action: true, actor: true, createdAt: true },
    }),
  ]);
  return recentActivitySchema.parse({
    calls,
    events: events.map((event) => ({ id: event.id, label: labelOf(event.action), actor: event.actor, createdAt: event.createdAt })),
  });
}
