import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { db } from "@/lib/db";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { migrateDatabase } from "@/prisma/migrate.mjs";
import { freshPostgresDatabase } from "@/scripts/fresh-postgres-database.mjs";
import { flushUsage, writePendingUsage } from "./flush-usage";
import { recordUsedRequest, takePendingUsage, type PendingUsage, type UsedRequest } from "./usage-buffer";

const ORIGIN = { ip: "203.0.113.9", userAgent: "vitest" };
const HOUR = new Date("2026-11-30T10:00:00.000Z");

async function accountWithKey() {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } });
  const { apiKey } = await createApiKey(user.id, { name: "CI", expiration: "never" }, ORIGIN);
  return { accountId: user.id, apiKeyId: apiKey.id };
}

const used = (key: { accountId: string; apiKeyId: string }, overrides: Partial<UsedRequest> = {}): UsedRequest => ({
  requestId: `req_${randomUUID()}`,
  ...key,
  method: "GET",
  route: "/api/v1/me",
  status: 200,
  latencyMs: 12,
  ip: "203.0.113.9",
  userAgent: "curl/8.5",
  errorCode: null,
  at: new Date(HOUR.getTime() + 60_000),
  ...overrides,
});

describe("flushUsage", () => {
  it("writes counts, log rows and last use, and a later flush adds to the counts", async () => {
    const key = await accountWithKey();
    recordUsedRequest(used(key, { latencyMs: 30 }));
    recordUsedRequest(used(key, { status: 404, errorCode: "not_found", route: "/api/v1/calls/{id}" }));
    expect(await flushUsage()).toEqual({ keyHours: 1, logRows: 2 });

    const lastAt = new Date(HOUR.getTime() + 120_000);
    recordUsedRequest(used(key, { status: 500, latencyMs: 90, at: lastAt, ip: "198.51.100.7", userAgent: "zapier" }));
    await flushUsage();

    const usage = await db.apiKeyUsage.findMany({ where: { apiKeyId: key.apiKeyId } });
    expect(usage).toHaveLength(1);
    expect(usage[0].hour.toISOString()).toBe(HOUR.toISOString());
    expect(usage[0]).toMatchObject({ accountId: key.accountId, count2xx: 1, count4xx: 1, count5xx: 1, latencyMsSum: 132, latencyMsMax: 90 });
    // The stored hour compares as a date with Prisma's own filters.
    expect(await db.apiKeyUsage.count({ where: { apiKeyId: key.apiKeyId, hour: { gte: HOUR, lt: new Date(HOUR.getTime() + 1) } } })).toBe(1);

    const log = await db.requestLog.findMany({ where: { apiKeyId: key.apiKeyId }, orderBy: { createdAt: "asc" } });
    expect(log.map((row) => row.status)).toEqual([200, 404, 500]);
    expect(log[1]).toMatchObject({ accountId: key.accountId, method: "GET", route: "/api/v1/calls/{id}", errorCode: "not_found", ip: "203.0.113.9", userAgent: "curl/8.5" });

    const stored = await db.apiKey.findUniqueOrThrow({ where: { id: key.apiKeyId } });
    expect(stored).toMatchObject({ lastUsedAt: lastAt, lastUsedIp: "198.51.100.7", lastUsedUserAgent: "zapier" });
  });

  it("never moves last use backwards", async () => {
    const key = await accountWithKey();
    const later = new Date(HOUR.getTime() + 300_000);
    recordUsedRequest(used(key, { at: later, ip: "198.51.100.1" }));
    await flushUsage();
    recordUsedRequest(used(key, { at: HOUR, ip: "198.51.100.2" }));
    await flushUsage();
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.apiKeyId } })).toMatchObject({ lastUsedAt: later, lastUsedIp: "198.51.100.1" });
  });

  it("writes nothing when nothing was used", async () => {
    const before = await db.requestLog.count();
    expect(await flushUsage()).toEqual({ keyHours: 0, logRows: 0 });
    expect(await db.requestLog.count()).toBe(before);
  });

  it("keeps everything for the next flush when a write fails, and writes none of it", async () => {
    const key = await accountWithKey();
    recordUsedRequest(used(key));
    // A request id that is already stored makes the log insert fail inside the transaction.
    const duplicate = used(key);
    await db.requestLog.create({ data: { id: duplicate.requestId, accountId: key.accountId, apiKeyId: key.apiKeyId, method: "GET", status: 200, latencyMs: 1, createdAt: HOUR } });
    recordUsedRequest(duplicate);
    await expect(flushUsage()).rejects.toThrow();
    expect(await db.apiKeyUsage.count({ where: { apiKeyId: key.apiKeyId } })).toBe(0);
    const held = takePendingUsage();
    expect(held.log).toHaveLength(2);
    expect(held.usage[0].count2xx).toBe(2);
  });
});

// Two instances flushing the same key-hours at once: every count must add up.
async function concurrentFlushesAddUp(clients: PrismaClient[], key: { accountId: string; apiKeyId: string }) {
  const pendingFor = (instance: number, round: number): PendingUsage => ({
    usage: [
      { ...key, hour: HOUR, count2xx: 3, count4xx: 1, count5xx: 0, latencyMsSum: 40, latencyMsMax: 10 + instance * 10 + round },
      { ...key, hour: new Date(HOUR.getTime() + 3_600_000), count2xx: 1, count4xx: 0, count5xx: 1, latencyMsSum: 5, latencyMsMax: 5 },
    ],
    lastUses: [{ apiKeyId: key.apiKeyId, at: new Date(HOUR.getTime() + round), ip: null, userAgent: null }],
    log: [],
    dropped: 0,
  });
  const rounds = 5;
  await Promise.all(
    clients.map(async (client, instance) => {
      for (let round = 0; round < rounds; round++) await writePendingUsage(client, pendingFor(instance, round));
    }),
  );
  const [first, second] = await clients[0].apiKeyUsage.findMany({ where: { apiKeyId: key.apiKeyId }, orderBy: { hour: "asc" } });
  const writes = clients.length * rounds;
  expect(first).toMatchObject({ count2xx: 3 * writes, count4xx: writes, count5xx: 0, latencyMsSum: 40 * writes, latencyMsMax: 10 + (clients.length - 1) * 10 + rounds - 1 });
  expect(second).toMatchObject({ count2xx: writes, count5xx: writes, latencyMsSum: 5 * writes, latencyMsMax: 5 });
}

describe("concurrent flushes on SQLite", () => {
  it("add up", async () => {
    await concurrentFlushesAddUp([db, db], await accountWithKey());
  });
});

const server = process.env.E2E_POSTGRES_SERVER;
describe.runIf(server)("concurrent flushes on PostgreSQL", () => {
  it("from two instances add rather than overwrite", async () => {
    const url = await freshPostgresDatabase(server!, "switchboard_usage");
    await migrateDatabase(url);
    const clients = [0, 1].map(() => new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient);
    try {
      const user = await clients[0].user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } });
      const apiKey = await clients[0].apiKey.create({
        data: { id: `key_${randomUUID()}`, accountId: user.id, name: "CI", hash: randomUUID(), display: "sb_live_…" },
      });
      await concurrentFlushesAddUp(clients, { accountId: user.id, apiKeyId: apiKey.id });
      const stored = await clients[1].apiKeyUsage.findFirstOrThrow({ where: { apiKeyId: apiKey.id }, orderBy: { hour: "asc" } });
      expect(stored.hour.toISOString()).toBe(HOUR.toISOString());
      expect((await clients[1].apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt?.toISOString()).toBe(new Date(HOUR.getTime() + 4).toISOString());
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
  }, 60_000);
});
