import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import type { CallStatus, DeliveryStatus, PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids/new-id";
import { migrateDatabase } from "@/prisma/migrate.mjs";
import { freshPostgresDatabase } from "@/scripts/fresh-postgres-database.mjs";
import { apiRequestsPerDay, callsPerDay, webhookDeliveriesPerDay } from "./daily-activity";
import { gettingStarted } from "./getting-started";
import { recentActivity } from "./recent-activity";

// Today is the last of the 30 days; day 0 starts 29 days before today's midnight (UTC).
const NOW = new Date("2030-03-15T12:00:00.000Z");
const TODAY = new Date("2030-03-15T00:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number, ms = 0) => new Date(TODAY.getTime() - days * DAY_MS + ms);

async function newAccount(client: PrismaClient) {
  const user = await client.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  return user.id;
}

async function newKey(client: PrismaClient, accountId: string, lastUsedAt: Date | null = null) {
  return client.apiKey.create({ data: { accountId, name: "Zapier", hash: randomUUID(), display: "sb_live_Ab…wxyz", lastUsedAt } });
}

async function insertCall(client: PrismaClient, accountId: string, at: Date, status: CallStatus) {
  await client.call.create({
    data: { id: newId("call", at.getTime()), accountId, direction: "outbound", status, to: "+14155550123", from: "+14155550100", provider: "simulator", createdAt: at },
  });
}

async function insertDelivery(client: PrismaClient, accountId: string, endpointId: string, at: Date, status: DeliveryStatus) {
  const event = await client.webhookEvent.create({ data: { id: newId("evt", at.getTime()), accountId, type: "call.queued", payload: "{}", createdAt: at } });
  await client.webhookDelivery.create({ data: { id: newId("whd", at.getTime()), eventId: event.id, endpointId, status, createdAt: at } });
}

async function newEndpoint(client: PrismaClient, accountId: string) {
  return client.webhookEndpoint.create({ data: { id: newId("we"), accountId, url: "https://example.com/hook", secret: "unused", events: ["*"] } });
}

function overviewTests(client: () => PrismaClient) {
  describe("callsPerDay", () => {
    it("counts calls per UTC day by outcome over the last 30 days, and nothing older or another account's", async () => {
      const accountId = await newAccount(client());
      const other = await newAccount(client());
      await insertCall(client(), accountId, daysAgo(0, 1), "completed");
      await insertCall(client(), accountId, daysAgo(0, 2), "completed");
      await insertCall(client(), accountId, daysAgo(0, 3), "no_answer");
      await insertCall(client(), accountId, daysAgo(0, 4), "ringing");
      // The last millisecond of yesterday is yesterday; the first of 29 days ago is the first day.
      await insertCall(client(), accountId, daysAgo(0, -1), "failed");
      await insertCall(client(), accountId, daysAgo(29), "canceled");
      await insertCall(client(), accountId, daysAgo(29, -1), "completed");
      await insertCall(client(), other, daysAgo(0, 5), "completed");

      const series = await callsPerDay(accountId, NOW, client());
      expect(series.buckets).toHaveLength(30);
      expect(series.buckets[0].start).toEqual(daysAgo(29));
      expect(series.buckets[29].start).toEqual(TODAY);
      expect(series.buckets[29]).toMatchObject({ completed: 2, no_answer: 1, failed: 0, canceled: 0, active: 1 });
      expect(series.buckets[28]).toMatchObject({ completed: 0, failed: 1 });
      expect(series.buckets[0]).toMatchObject({ completed: 0, canceled: 1 });
      expect(series.totals).toEqual({ completed: 2, no_answer: 1, failed: 1, canceled: 1, active: 1 });
    });

    it("answers 30 empty days for an account without calls", async () => {
      const series = await callsPerDay(await newAccount(client()), NOW, client());
      expect(series.buckets.every((bucket) => bucket.completed + bucket.active === 0)).toBe(true);
      expect(series.totals).toEqual({ completed: 0, no_answer: 0, failed: 0, canceled: 0, active: 0 });
    });
  });

  describe("webhookDeliveriesPerDay", () => {
    it("counts the account's deliveries per UTC day by state, through all its endpoints", async () => {
      const accountId = await newAccount(client());
      const other = await newAccount(client());
      const [first, second, foreign] = [await newEndpoint(client(), accountId), await newEndpoint(client(), accountId), await newEndpoint(client(), other)];
      await insertDelivery(client(), accountId, first.id, daysAgo(0, 10), "succeeded");
      await insertDelivery(client(), accountId, second.id, daysAgo(0, 20), "succeeded");
      await insertDelivery(client(), accountId, first.id, daysAgo(0, 30), "pending");
      await insertDelivery(client(), accountId, first.id, daysAgo(3, 40), "failed");
      await insertDelivery(client(), accountId, first.id, daysAgo(30, 50), "failed");
      await insertDelivery(client(), other, foreign.id, daysAgo(0, 60), "failed");

      const series = await webhookDeliveriesPerDay(accountId, NOW, client());
      expect(series.buckets[29]).toMatchObject({ start: TODAY, succeeded: 2, failed: 0, pending: 1 });
      expect(series.buckets[26]).toMatchObject({ succeeded: 0, failed: 1 });
      expect(series.totals).toEqual({ succeeded: 2, failed: 1, pending: 1 });
    });
  });

  describe("apiRequestsPerDay", () => {
    it("sums every key's hourly usage into UTC days", async () => {
      const accountId = await newAccount(client());
      const [zapier, make] = [await newKey(client(), accountId), await newKey(client(), accountId)];
      const other = await newAccount(client());
      const foreignKey = await newKey(client(), other);
      await client().apiKeyUsage.createMany({
        data: [
          { apiKeyId: zapier.id, accountId, hour: daysAgo(0, 3_600_000), count2xx: 5, count4xx: 1, latencyMsSum: 60, latencyMsMax: 20 },
          { apiKeyId: make.id, accountId, hour: daysAgo(0, 3_600_000), count2xx: 2, count5xx: 1, latencyMsSum: 30, latencyMsMax: 25 },
          { apiKeyId: zapier.id, accountId, hour: daysAgo(2, 7_200_000), count2xx: 4, latencyMsSum: 40, latencyMsMax: 10 },
          { apiKeyId: zapier.id, accountId, hour: daysAgo(30), count2xx: 100 },
          { apiKeyId: foreignKey.id, accountId: other, hour: daysAgo(0), count2xx: 50 },
        ],
      });

      const series = await apiRequestsPerDay(accountId, NOW, client());
      expect(series.range).toBe("30d");
      expect(series.buckets[29]).toMatchObject({ start: TODAY, count2xx: 7, count4xx: 1, count5xx: 1, latencyMsMax: 25 });
      expect(series.buckets[27]).toMatchObject({ count2xx: 4 });
      expect(series.totals).toMatchObject({ requests: 13, count2xx: 11, count4xx: 1, count5xx: 1, averageLatencyMs: 10 });
    });
  });

  describe("gettingStarted", () => {
    it("ticks each step from the account's own data", async () => {
      const accountId = await newAccount(client());
      const none = { apiKeyCreated: false, firstApiRequest: false, webhookEndpointAdded: false, firstCallPlaced: false };
      expect(await gettingStarted(accountId, client())).toEqual(none);

      // Another account's progress is not this one's.
      const other = await newAccount(client());
      await newKey(client(), other, NOW);
      await newEndpoint(client(), other);
      await insertCall(client(), other, NOW, "completed");
      expect(await gettingStarted(accountId, client())).toEqual(none);

      const key = await newKey(client(), accountId);
      expect(await gettingStarted(accountId, client())).toEqual({ ...none, apiKeyCreated: true });
      await client().apiKey.update({ where: { id: key.id }, data: { lastUsedAt: NOW } });
      await newEndpoint(client(), accountId);
      await insertCall(client(), accountId, NOW, "queued");
      expect(await gettingStarted(accountId, client())).toEqual({ apiKeyCreated: true, firstApiRequest: true, webhookEndpointAdded: true, firstCallPlaced: true });
    });
  });

  describe("recentActivity", () => {
    it("lists the newest calls and audit events of the account, in words", async () => {
      const accountId = await newAccount(client());
      for (let i = 0; i < 7; i++) await insertCall(client(), accountId, daysAgo(1, i * 1000), "completed");
      await client().auditEvent.createMany({
        data: [
          { accountId, action: "api_key.created", createdAt: daysAgo(2) },
          { accountId, action: "webhook_endpoint.created", actor: "api_key", createdAt: daysAgo(1) },
        ],
      });

      const activity = await recentActivity(accountId, client());
      expect(activity.calls).toHaveLength(5);
      expect(activity.calls[0].createdAt).toEqual(daysAgo(1, 6000));
      expect(activity.events.map((event) => [event.label, event.actor])).toEqual([
        ["Webhook endpoint added", "api_key"],
        ["API key created", "user"],
      ]);
    });
  });
}

describe("overview on SQLite", () => overviewTests(() => db));

// Runs where a PostgreSQL server is given (CI starts one): E2E_POSTGRES_SERVER=postgresql://…/postgres
const server = process.env.E2E_POSTGRES_SERVER;
describe.runIf(server)("overview on PostgreSQL", () => {
  let client: PrismaClient;
  beforeAll(async () => {
    const url = await freshPostgresDatabase(server!, "switchboard_overview");
    await migrateDatabase(url);
    client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  });
  afterAll(() => client?.$disconnect());
  overviewTests(() => client);
});
