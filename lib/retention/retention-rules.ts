import { env } from "@/lib/env";
import { db } from "@/lib/db";

const DAY_MS = 24 * 60 * 60 * 1000;

// Days webhook events (with their deliveries and attempts) are kept; the delivery log and
// Resend reach back this far. Retries end after about 31 hours, so only events of a paused or
// disabled endpoint can still be undelivered when they go.
export const webhookEventRetentionDays = () => env().WEBHOOK_EVENT_RETENTION_DAYS;
// The audit log is kept a year: long enough to answer "who did this, and when" after an incident.
export const AUDIT_EVENT_RETENTION_DAYS = 365;

// What a table must offer to be purged: find a batch of expired ids, delete exactly those.
type PurgeableTable = {
  findMany(args: { where: object; select: { id: true }; take: number }): Promise<{ id: string }[]>;
  deleteMany(args: { where: { id: { in: string[] } } }): Promise<{ count: number }>;
};

export type RetentionRule = {
  name: string;
  table: () => PurgeableTable;
  // Rows this filter matches at `now` are past retention.
  expired: (now: Date) => object;
};

// One line per table that must not grow without bound. Deleting a webhook event deletes its
// deliveries and their attempts with it (ON DELETE CASCADE).
export const RETENTION_RULES: RetentionRule[] = [
  { name: "idempotency records", table: () => db.idempotencyRecord, expired: (now) => ({ expiresAt: { lte: now } }) },
  {
    name: "webhook events",
    table: () => db.webhookEvent,
    expired: (now) => ({ createdAt: { lt: new Date(now.getTime() - webhookEventRetentionDays() * DAY_MS) } }),
  },
  {
    name: "audit events",
    table: () => db.auditEvent,
    expired: (now) => ({ createdAt: { lt: new Date(now.getTime() - AUDIT_EVENT_RETENTION_DAYS * DAY_MS) } }),
  },
];
