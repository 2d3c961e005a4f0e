import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { usageSeriesFromRows, type UsageSeries } from "@/lib/key-insight/usage-series";
import { foldDays, idWindow, OVERVIEW_RANGE, overviewDayStarts } from "./overview-days";
import {
  CALL_OUTCOMES,
  callDayRowSchema,
  callsPerDaySchema,
  deliveriesPerDaySchema,
  deliveryDayRowSchema,
  DELIVERY_OUTCOMES,
  type CallOutcome,
  type CallsPerDay,
  type DeliveriesPerDay,
} from "./schemas";

// The overview's three charts: each one aggregate query over the last 30 UTC days, answering at
// most (30 days × statuses) rows however many calls, requests or deliveries there were.

const outcomeOfCall = (status: string): CallOutcome =>
  status === "completed" || status === "no_answer" || status === "failed" || status === "canceled" ? status : "active";

// Calls per UTC day by outcome, by the day the call was created. Uses the (account, id) index.
export async function callsPerDay(accountId: string, now = new Date(), client: PrismaClient = db): Promise<CallsPerDay> {
  const starts = overviewDayStarts(now);
  const { dayIndex, from } = idWindow(`"id"`, "call", starts);
  const rows = await client.$queryRaw<unknown[]>(Prisma.sql`
    SELECT ${dayIndex} AS "day", "status", COUNT(*) AS "count"
    FROM "Call"
    WHERE "userId" = ${accountId} AND "id" >= ${from}
    GROUP BY 1, 2`);
  const parsed = rows.map((row) => callDayRowSchema.parse(row));
  return callsPerDaySchema.parse(foldDays(starts, CALL_OUTCOMES, parsed, outcomeOfCall));
}

// Webhook deliveries per UTC day by state, by the day the delivery was created (a Resend is a new
// delivery). Through the account's endpoints, using the (endpoint, id) index.
export async function webhookDeliveriesPerDay(accountId: string, now = new Date(), client: PrismaClient = db): Promise<DeliveriesPerDay> {
  const starts = overviewDayStarts(now);
  const { dayIndex, from } = idWindow(`d."id"`, "whd", starts);
  const rows = await client.$queryRaw<unknown[]>(Prisma.sql`
    SELECT ${dayIndex} AS "day", d."status" AS "status", COUNT(*) AS "count"
    FROM "WebhookDelivery" d
    JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
    WHERE e."userId" = ${accountId} AND d."id" >= ${from}
    GROUP BY 1, 2`);
  const parsed = rows.map((row) => deliveryDayRowSchema.parse(row));
  return deliveriesPerDaySchema.parse(foldDays(starts, DELIVERY_OUTCOMES, parsed, (status) => status));
}

// API requests per UTC day by status class, over every key of the account (deleted ones too):
// the database sums the hourly usage rows per hour (at most 720 rows, on the (account, hour)
// index), and the hours fold into days as on a key's own chart.
export async function apiRequestsPerDay(accountId: string, now = new Date(), client: PrismaClient = db): Promise<UsageSeries> {
  const hours = await client.apiKeyUsage.groupBy({
    by: ["hour"],
    where: { accountId, hour: { gte: overviewDayStarts(now)[0] } },
    _sum: { count2xx: true, count4xx: true, count5xx: true, latencyMsSum: true },
    _max: { latencyMsMax: true },
  });
  const rows = hours.map((row) => ({
    hour: row.hour,
    count2xx: row._sum.count2xx ?? 0,
    count4xx: row._sum.count4xx ?? 0,
    count5xx: row._sum.count5xx ?? 0,
    latencyMsSum: row._sum.latencyMsSum ?? 0,
    latencyMsMax: row._max.latencyMsMax ?? 0,
  }));
  return usageSeriesFromRows(OVERVIEW_RANGE, rows, now);
}
