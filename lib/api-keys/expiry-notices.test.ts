import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrateDatabase } from "@/prisma/migrate.mjs";
import { freshPostgresDatabase } from "@/scripts/fresh-postgres-database.mjs";
import { sendExpiryNotices } from "./expiry-notices";

const NOW = new Date("2030-03-01T09:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

async function newAccountWithKey(client: PrismaClient, key: { createdAt: Date; expiresAt: Date | null; rolledToId?: string }) {
  const user = await client.user.create({ data: { email: `${randomUUID()}@example.com`, name: "User", passwordHash: "scrypt$unused" } });
  const apiKey = await client.apiKey.create({
    data: { accountId: user.id, name: "Zapier", hash: randomUUID(), display: "sb_live_Ab…wxyz", ...key },
  });
  return { accountId: user.id, apiKeyId: apiKey.id };
}

async function expiringEvents(client: PrismaClient, accountId: string) {
  const events = await client.webhookEvent.findMany({ where: { accountId, type: "api_key.expiring" }, orderBy: { createdAt: "asc" } });
  return events.map((event) => JSON.parse(event.payload).data as { id: string; expires_in_days: number; expires_at: string });
}

async function expiredAudits(client: PrismaClient, accountId: string) {
  return client.auditEvent.findMany({ where: { accountId, action: "api_key.expired" } });
}

// The claim is what makes "once each, across instances" hold: run on either engine.
function claimTests(client: () => PrismaClient) {
  it("emits api_key.expiring once 7 days and once 1 day before expiry, however many passes run", async () => {
    const { accountId, apiKeyId } = await newAccountWithKey(client(), { createdAt: at(-30), expiresAt: at(6.5) });
    await sendExpiryNotices(NOW, client());
    await sendExpiryNotices(NOW, client());
    expect(await expiringEvents(client(), accountId)).toEqual([expect.objectContaining({ id: apiKeyId, expires_in_days: 7, expires_at: at(6.5).toISOString() })]);

    // Half a day before expiry: the 1-day notice, once.
    const later = at(6);
    await sendExpiryNotices(later, client());
    await sendExpiryNotices(later, client());
    expect((await expiringEvents(client(), accountId)).map((event) => event.expires_in_days)).toEqual([7, 1]);
  });

  it("two instances claiming at once send each notice once", async () => {
    const keys = await Promise.all([0, 1, 2].map(() => newAccountWithKey(client(), { createdAt: at(-30), expiresAt: at(0.5) })));
    const results = await Promise.all([sendExpiryNotices(NOW, client()), sendExpiryNotices(NOW, client())]);
    // Other tests' keys may be due too; these three were sent once each, by one of the two.
    expect(results[0] + results[1]).toBeGreaterThanOrEqual(3);
    for (const { accountId } of keys) {
      expect((await expiringEvents(client(), accountId)).map((event) => event.expires_in_days)).toEqual([1]);
    }
  });

  it("records api_key.expired once, by the system, when a key passes its expiry", async () => {
    const { accountId, apiKeyId } = await newAccountWithKey(client(), { createdAt: at(-30), expiresAt: at(-0.01) });
    await Promise.all([sendExpiryNotices(NOW, client()), sendExpiryNotices(NOW, client())]);
    await sendExpiryNotices(NOW, client());
    const audits = await expiredAudits(client(), accountId);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ apiKeyId, actor: "system", ip: null });
    // Past expiry there is nothing left to warn about.
    expect(await expiringEvents(client(), accountId)).toEqual([]);
  });

  it("skips the 7-day notice for a key made to last a week, and warns no rolled or revoked key", async () => {
    const week = await newAccountWithKey(client(), { createdAt: NOW, expiresAt: at(7) });
    const rolled = await newAccountWithKey(client(), { createdAt: at(-30), expiresAt: at(0.5), rolledToId: "replacement" });
    const revoked = await newAccountWithKey(client(), { createdAt: at(-30), expiresAt: at(0.5) });
    await client().apiKey.update({ where: { id: revoked.apiKeyId }, data: { revokedAt: NOW } });
    await sendExpiryNotices(NOW, client());
    expect(await expiringEvents(client(), week.accountId)).toEqual([]);
    expect(await expiringEvents(client(), rolled.accountId)).toEqual([]);
    expect(await expiringEvents(client(), revoked.accountId)).toEqual([]);
    // The week-long key still hears a day ahead.
    await sendExpiryNotices(at(6.5), client());
    expect((await expiringEvents(client(), week.accountId)).map((event) => event.expires_in_days)).toEqual([1]);
  });

  it("delivers to endpoints subscribed to api_key.expiring", async () => {
    const { accountId } = await newAccountWithKey(client(), { createdAt: at(-30), expiresAt: at(3) });
    const endpoint = await client().webhookEndpoint.create({
      data: { id: randomUUID(), accountId, url: "https://example.com/hook", secret: "unused", events: ["api_key.expiring"] },
    });
    await sendExpiryNotices(NOW, client());
    expect(await client().webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);
  });
}

describe("expiry notices on SQLite", () => claimTests(() => db));

// Runs where a PostgreSQL server is given (CI starts one): E2E_POSTGRES_SERVER=postgresql://…/postgres
const server = process.env.E2E_POSTGRES_SERVER;
describe.runIf(server)("expiry notices on PostgreSQL", () => {
  let client: PrismaClient;
  beforeAll(async () => {
    const url = await freshPostgresDatabase(server!, "switchboard_expiry");
    await migrateDatabase(url);
    client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  });
  afterAll(() => client?.$disconnect());
  claimTests(() => client);
});
