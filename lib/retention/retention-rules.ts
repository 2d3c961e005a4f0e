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

export const API_KEY_USAGE_RETENTION_DAYS = 90;
export const REQUEST_LOG_RETENTION_DAYS = 14;

const olderThanDays = (field: string, days: number) => (now: Date) => ({ [field]: { lt: new Date(now.getTime() - days * DAY_MS) } });

// ApiKeyUsage is keyed by (key, hour), not by an id: a batch is a set of keys, and deleting it
// removes those keys' hours that the same filter finds expired (all of them past retention).
function apiKeyUsageTable(): PurgeableTable {
  let expired: object = {};
  return {
    async findMany({ where, take }) {
      expired = where;
      const rows = await db.apiKeyUsage.findMany({ where, select: { apiKeyId: true }, distinct: ["apiKeyId"], take });
      return rows.map((row) => ({ id: row.apiKeyId }));
    },
    deleteMany: ({ where }) => db.apiKeyUsage.deleteMany({ where: { AND: [expired, { apiKeyId: where.id }] } }),
  };
}

// One line per table that must not grow without bound. Deleting a webhook event deletes its
// deliveries and their attempts with it (ON DELETE CASCADE).
export const RETENTION_RULES: RetentionRule[] = [
  { name: "idempotency records", table: () => db.idempotencyRecord, expired: (now) => ({ expiresAt: { lte: now } }) },
  {
    name: "webhook events",
    table: () => db.webhookEvent,
    expired: (now) => ({ createdAt: { lt: new Date(now.getTime() - webhookEventRetentionDays() * DAY_MS) } }),
  },
  { name: "audit events", table: () => db.auditEvent, expired: olderThanDays("createdAt", AUDIT_EVENT_RETENTION_DAYS) },
  { name: "request log rows", table: () => db.requestLog, expired: olderThanDays("createdAt", REQUEST_LOG_RETENTION_DAYS) },
  { name: "hourly key usage", table: apiKeyUsageTable, expired: olderThanDays("hour", API_KEY_USAGE_RETENTION_DAYS) },
];
