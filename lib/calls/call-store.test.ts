import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids/new-id";
import { deliveriesOf } from "@/lib/webhooks/outbox";
import { migrateDatabase } from "@/prisma/migrate.mjs";
import { freshPostgresDatabase } from "@/scripts/fresh-postgres-database.mjs";
import { postgresCallStore, sqliteCallStore, type CallStore } from "./call-store";
import { newCallRows } from "./calls";

const CREATED = new Date("2026-11-30T10:00:00.123Z");

// An account with a key and four endpoints: two that receive call.queued (by name, and all
// events), one subscribed to something else, and one disabled.
async function account(client: PrismaClient) {
  const user = await client.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } });
  const key = await client.apiKey.create({ data: { id: newId("key"), accountId: user.id, name: "CI", hash: randomUUID(), display: "sb_live_…" } });
  const endpoint = (events: string[], enabled = true) =>
    client.webhookEndpoint.create({ data: { id: newId("we"), accountId: user.id, url: "https://hooks.example/x", events, secret: "sealed", enabled } });
  const named = await endpoint(["call.queued"]);
  const all = await endpoint(["*"]);
  await endpoint(["contact.created"]);
  await endpoint(["*"], false);
  return { accountId: user.id, keyId: key.id, subscribed: [named.id, all.id].sort() };
}

// Writes a call through the store and reads everything back through Prisma: the same rows
// Prisma itself would have written, readable by every other path.
async function writesWhatPrismaReads(client: PrismaClient, store: CallStore) {
  const { accountId, keyId, subscribed } = await account(client);
  const rows = newCallRows(
    accountId,
    { apiKeyId: keyId, direction: "outbound", status: "queued", to: "+14155550123", from: "+14155550100", agent: "Booking", variables: { first_name: "Ada" }, metadata: {} },
    "call.queued",
    CREATED,
  );
  const { deliveryIds } = await store(rows.call, rows.event, (endpoints) => deliveriesOf(rows.event, endpoints));

  const call = await client.call.findUniqueOrThrow({ where: { id: rows.call.id } });
  expect(call).toEqual(rows.call);
  expect(call.createdAt.toISOString()).toBe(CREATED.toISOString());
  expect(call.variables).toEqual({ first_name: "Ada" });
  expect(call.metadata).toEqual({});
  expect(call.durationSeconds).toBeNull();
  expect(call.transcript).toBeNull();
  // Datetime filters compare the stored values: they must be in Prisma's format to match.
  expect(await client.call.count({ where: { id: call.id, createdAt: { gte: CREATED, lte: CREATED } } })).toBe(1);
  expect(await client.call.count({ where: { id: call.id, nextActionAt: { lte: call.nextActionAt! } } })).toBe(1);

  const event = await client.webhookEvent.findUniqueOrThrow({ where: { id: rows.event.id } });
  expect(event).toMatchObject({ accountId, type: "call.queued", payload: rows.event.payload });
  expect(event.createdAt.toISOString()).toBe(rows.event.createdAt.toISOString());
  expect(JSON.parse(event.payload)).toMatchObject({ object: "event", type: "call.queued", data: { id: call.id, object: "call", status: "queued" } });

  const deliveries = await client.webhookDelivery.findMany({ where: { eventId: event.id }, orderBy: { endpointId: "asc" } });
  expect(deliveries.map((delivery) => delivery.endpointId)).toEqual(subscribed);
  expect(deliveries.map((delivery) => delivery.id).sort()).toEqual([...deliveryIds].sort());
  for (const delivery of deliveries) {
    expect(delivery).toMatchObject({ status: "pending", attempts: 0, lockedUntil: null });
    expect(delivery.nextAttemptAt?.toISOString()).toBe(rows.event.createdAt.toISOString());
    expect(delivery.createdAt.toISOString()).toBe(rows.event.createdAt.toISOString());
  }
  // The delivery worker's query finds them as due.
  expect(await client.webhookDelivery.count({ where: { eventId: event.id, status: "pending", nextAttemptAt: { lte: new Date() } } })).toBe(2);
}

// A failure part-way (a delivery to an endpoint that does not exist breaks its foreign key)
// leaves nothing behind, and the connection keeps working.
async function failsWhole(client: PrismaClient, store: CallStore) {
  const { accountId, keyId } = await account(client);
  const rows = newCallRows(accountId, { apiKeyId: keyId, direction: "outbound", status: "queued", to: "+14155550123", from: "+14155550100" }, "call.queued", CREATED);
  await expect(store(rows.call, rows.event, () => [{ id: newId("whd"), endpointId: "we_missing" }])).rejects.toThrow();
  expect(await client.call.count({ where: { id: rows.call.id } })).toBe(0);
  expect(await client.webhookEvent.count({ where: { id: rows.event.id } })).toBe(0);
  // An inbound call with its routing columns, through the same store afterwards.
  const inbound = newCallRows(
    accountId,
    { apiKeyId: null, direction: "inbound", status: "ringing", to: "+14155550100", from: "+14155550123", routingRuleId: null, routingAction: "forward", routingTarget: "+14155550199", ringingAt: CREATED },
    "inbound_call.routed",
    CREATED,
  );
  await store(inbound.call, inbound.event, () => []);
  expect(await client.call.findUniqueOrThrow({ where: { id: inbound.call.id } })).toEqual(inbound.call);
  expect(await client.$transaction(async (tx) => tx.call.count({ where: { accountId } }))).toBe(1);
}

describe("the call store on SQLite", () => {
  it("writes the call, its event and deliveries as Prisma reads them", async () => {
    await writesWhatPrismaReads(db, sqliteCallStore);
  });

  it("writes all or nothing", async () => {
    await failsWhole(db, sqliteCallStore);
  });

  it("waits for a Prisma transaction in progress on the same connection instead of joining it", async () => {
    const { accountId, keyId } = await account(db);
    const rows = newCallRows(accountId, { apiKeyId: keyId, direction: "outbound", status: "queued", to: "+14155550123", from: "+14155550100" }, "call.queued", CREATED);
    let written: Promise<unknown> | undefined;
    // The store runs while Prisma's transaction is open, which then rolls back: the store's rows
    // must survive, so they were not written inside it.
    await expect(
      db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: accountId }, data: { name: "Rolled back" } });
        written = sqliteCallStore(rows.call, rows.event, () => []);
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await written;
    expect(await db.call.count({ where: { id: rows.call.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: accountId } })).name).toBe("Ada");
  });
});

// Runs where a PostgreSQL server is given (CI starts one): E2E_POSTGRES_SERVER=postgresql://…/postgres
const server = process.env.E2E_POSTGRES_SERVER;
describe.runIf(server)("the call store on PostgreSQL", () => {
  let pool: pg.Pool;
  let client: PrismaClient;
  beforeAll(async () => {
    const url = await freshPostgresDatabase(server!, "switchboard_call_store");
    await migrateDatabase(url);
    pool = new pg.Pool({ connectionString: url, max: 2 });
    client = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
  }, 60_000);
  afterAll(async () => {
    await client?.$disconnect();
    await pool?.end();
  });

  it("writes the call, its event and deliveries as Prisma reads them", async () => {
    await writesWhatPrismaReads(client, postgresCallStore(pool));
  });

  it("writes all or nothing", async () => {
    await failsWhole(client, postgresCallStore(pool));
  });
});
