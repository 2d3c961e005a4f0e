import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids/new-id";
import { emitWebhookEvent } from "@/lib/webhooks/outbox";
import { purgeExpiredRows } from "./purge-expired-rows";
import { AUDIT_EVENT_RETENTION_DAYS, webhookEventRetentionDays } from "./retention-rules";

const DAY_MS = 24 * 60 * 60 * 1000;

async function account() {
  return (await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } })).id;
}

async function idempotencyRecord(accountId: string, expiresAt: Date) {
  return db.idempotencyRecord.create({
    data: { accountId, key: randomUUID(), method: "POST", path: "/api/v1/calls", requestHash: "h", status: 201, responseBody: "{}", expiresAt },
  });
}

// An account of its own, so the event has exactly one delivery.
async function eventWithDelivery(createdAt: Date) {
  const accountId = await account();
  const endpoint = await db.webhookEndpoint.create({ data: { id: newId("we"), accountId, url: "https://hooks.example/x", events: ["*"], secret: "sealed" } });
  const { eventId } = await db.$transaction((tx) => emitWebhookEvent(tx, accountId, "ping", { object: "ping", message: "old" }));
  await db.webhookEvent.update({ where: { id: eventId }, data: { createdAt } });
  await db.webhookDelivery.updateMany({ where: { eventId }, data: { status: "succeeded" } });
  expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  return eventId;
}

describe("purgeExpiredRows", () => {
  it("deletes expired idempotency records and events past retention with their deliveries, and keeps the rest", async () => {
    expect(webhookEventRetentionDays()).toBe(30);
    const accountId = await account();
    const now = new Date();
    const expired = await Promise.all(Array.from({ length: 3 }, () => idempotencyRecord(accountId, new Date(now.getTime() - 1000))));
    const live = await idempotencyRecord(accountId, new Date(now.getTime() + DAY_MS));
    const oldEvent = await eventWithDelivery(new Date(now.getTime() - 31 * DAY_MS));
    const recentEvent = await eventWithDelivery(new Date(now.getTime() - 29 * DAY_MS));

    const deleted = await purgeExpiredRows(now);
    expect(deleted["idempotency records"]).toBeGreaterThanOrEqual(3);
    expect(deleted["webhook events"]).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyRecord.count({ where: { id: { in: expired.map((record) => record.id) } } })).toBe(0);
    expect(await db.idempotencyRecord.findUnique({ where: { id: live.id } })).not.toBeNull();
    expect(await db.webhookEvent.findUnique({ where: { id: oldEvent } })).toBeNull();
    expect(await db.webhookDelivery.count({ where: { eventId: oldEvent } })).toBe(0);
    expect(await db.webhookEvent.findUnique({ where: { id: recentEvent } })).not.toBeNull();
    expect(await db.webhookDelivery.count({ where: { eventId: recentEvent } })).toBe(1);
  }, 60_000);

  it("works through more rows than one batch, and two purges at once delete each row once", async () => {
    const accountId = await account();
    const past = new Date(Date.now() - 1000);
    await db.idempotencyRecord.createMany({
      data: Array.from({ length: 1200 }, () => ({ accountId, key: randomUUID(), method: "POST", path: "/x", requestHash: "h", expiresAt: past })),
    });
    const [first, second] = await Promise.all([purgeExpiredRows(), purgeExpiredRows()]);
    expect(first["idempotency records"] + second["idempotency records"]).toBe(1200);
    expect(await db.idempotencyRecord.count({ where: { accountId } })).toBe(0);
  }, 60_000);

  it("keeps audit events for a year", async () => {
    expect(AUDIT_EVENT_RETENTION_DAYS).toBe(365);
    const accountId = await account();
    const now = new Date();
    const old = await db.auditEvent.create({ data: { accountId, action: "session.signed_in", createdAt: new Date(now.getTime() - 366 * DAY_MS) } });
    const kept = await db.auditEvent.create({ data: { accountId, action: "session.signed_in", createdAt: new Date(now.getTime() - 364 * DAY_MS) } });
    const deleted = await purgeExpiredRows(now);
    expect(deleted["audit events"]).toBeGreaterThanOrEqual(1);
    expect(await db.auditEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.auditEvent.findUnique({ where: { id: kept.id } })).not.toBeNull();
  });
});
