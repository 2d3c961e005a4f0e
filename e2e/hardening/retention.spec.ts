import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { queryDatabase, sqliteTime, writeDatabase } from "./support/database";
import { accountWithKeys } from "./support/keys";
import { hardeningPort, startProductionServer } from "./support/server";

const DAY_MS = 24 * 60 * 60 * 1000;

test("expired idempotency records and webhook events past retention are purged on schedule; the rest stays", async ({ browser, request }) => {
  const server = await startProductionServer({ port: hardeningPort(8), env: { RETENTION_PURGE_INTERVAL_SECONDS: "1" } });
  try {
    const { keys } = await accountWithKeys(browser, server.baseURL, { key: {} });
    const headers = { Authorization: `Bearer ${keys.key}` };
    const api = `${server.baseURL}/api/v1`;
    expect((await request.post(`${api}/webhook-endpoints`, { headers, data: { url: "http://127.0.0.1:9/hook", events: ["ping", "contact.created"] } })).status()).toBe(201);

    // Two idempotent requests; one record is then made to have expired.
    const [expiredKey, liveKey] = [randomUUID(), randomUUID()];
    for (const [key, externalId] of [[expiredKey, "crm-1"], [liveKey, "crm-2"]]) {
      const response = await request.post(`${api}/contacts`, { headers: { ...headers, "Idempotency-Key": key }, data: { external_id: externalId, first_name: "Ada" } });
      expect(response.status()).toBe(201);
    }
    expect(writeDatabase(server.databaseFile, `UPDATE "IdempotencyRecord" SET "expiresAt" = ? WHERE key = ?`, sqliteTime(new Date(Date.now() - 1000)), expiredKey)).toBe(1);

    // Two contact.created events, each with a delivery; one is made 31 days old.
    const events = queryDatabase<{ id: string }>(server.databaseFile, `SELECT id FROM "WebhookEvent" WHERE type = 'contact.created' ORDER BY id`);
    expect(events).toHaveLength(2);
    const [oldEvent, recentEvent] = events.map((event) => event.id);
    writeDatabase(server.databaseFile, `UPDATE "WebhookEvent" SET "createdAt" = ? WHERE id = ?`, sqliteTime(new Date(Date.now() - 31 * DAY_MS)), oldEvent);
    writeDatabase(server.databaseFile, `UPDATE "WebhookEvent" SET "createdAt" = ? WHERE id = ?`, sqliteTime(new Date(Date.now() - 29 * DAY_MS)), recentEvent);
    const deliveriesOf = (eventId: string) =>
      queryDatabase<{ n: number }>(server.databaseFile, `SELECT COUNT(*) AS n FROM "WebhookDelivery" WHERE "eventId" = ?`, eventId)[0].n;
    expect(deliveriesOf(oldEvent)).toBe(1);

    const idempotencyKeys = () => queryDatabase<{ key: string }>(server.databaseFile, `SELECT key FROM "IdempotencyRecord"`).map((row) => row.key);
    await expect.poll(idempotencyKeys, { timeout: 15_000 }).toEqual([liveKey]);
    await expect.poll(() => deliveriesOf(oldEvent), { timeout: 15_000 }).toBe(0);
    expect(queryDatabase(server.databaseFile, `SELECT id FROM "WebhookEvent" WHERE id = ?`, oldEvent)).toHaveLength(0);
    expect(queryDatabase(server.databaseFile, `SELECT id FROM "WebhookEvent" WHERE id = ?`, recentEvent)).toHaveLength(1);
    expect(deliveriesOf(recentEvent)).toBe(1);

    // The live record still replays; the purged key is free again and runs as a new request.
    const replay = await request.post(`${api}/contacts`, { headers: { ...headers, "Idempotency-Key": liveKey }, data: { external_id: "crm-2", first_name: "Ada" } });
    expect(replay.headers()["idempotent-replayed"]).toBe("true");
    const fresh = await request.post(`${api}/contacts`, { headers: { ...headers, "Idempotency-Key": expiredKey }, data: { external_id: "crm-3", first_name: "Ada" } });
    expect(fresh.status()).toBe(201);
    expect(fresh.headers()["idempotent-replayed"]).toBeUndefined();
  } finally {
    await server.stop();
  }
});
