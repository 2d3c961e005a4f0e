import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { freshPostgresDatabase } from "../scripts/fresh-postgres-database.mjs";
import { migrateDatabase } from "./migrate.mjs";
import { sqlitePath } from "./database-url.mjs";

// The migration that turned JSON text columns into Json and value sets into enums must keep
// every row a release before it wrote. Rows are written as that release wrote them (raw SQL on
// the older schema), the database is migrated, and Prisma reads them back typed.
const TYPED_DATA = "20261130052631_typed_data";

const SCOPES = { calls: "write", contacts: "read", routing: "none", webhooks: "none" };
const SCHEDULE = { time_zone: "Europe/London", days: ["mon", "fri"], start: "09:00", end: "17:30" };
const TRANSCRIPT = [
  { speaker: "agent", text: "Hi Ada, this is Switchboard assistant calling." },
  { speaker: "caller", text: "Sure, go ahead — “quotes” and ünïcode." },
];

type Row = Record<string, string | number | boolean | null>;

function oldRows(time: string): [string, Row][] {
  const common = { userId: "user_1" };
  return [
    ["User", { id: "user_1", email: "ada@example.com", name: "Ada", passwordHash: "x", createdAt: time, updatedAt: time }],
    ["ApiKey", { id: "key_restricted", ...common, name: "CRM", hash: "h1", display: "sb_live_a…b", createdAt: time, access: "restricted", scopes: JSON.stringify(SCOPES) }],
    ["ApiKey", { id: "key_full", ...common, name: "Zapier", hash: "h2", display: "sb_live_c…d", createdAt: time, access: "full", scopes: null }],
    [
      "Call",
      {
        id: "call_out",
        ...common,
        apiKeyId: "key_full",
        direction: "outbound",
        status: "completed",
        to: "+14155550123",
        from: "+14155550100",
        variables: JSON.stringify({ first_name: "Ada" }),
        metadata: JSON.stringify({ crm_id: "42" }),
        provider: "simulator",
        transcript: JSON.stringify(TRANSCRIPT),
        summary: "Done.",
        durationSeconds: 3,
        createdAt: time,
        endedAt: time,
      },
    ],
    [
      "Call",
      {
        id: "call_in",
        ...common,
        apiKeyId: "key_restricted",
        direction: "inbound",
        status: "in_progress",
        to: "+14155550100",
        from: "+447700900123",
        provider: "simulator",
        routingRuleId: "rule_1",
        routingAction: "forward",
        routingTarget: "+14155550999",
        createdAt: time,
      },
    ],
    ["Contact", { id: "contact_1", ...common, externalId: "crm-1", phone: "+14155550123", metadata: JSON.stringify({ tier: "gold" }), createdAt: time, updatedAt: time }],
    ["Contact", { id: "contact_2", ...common, createdAt: time, updatedAt: time }],
    ["RoutingRule", { id: "rule_1", ...common, priority: 1, schedule: JSON.stringify(SCHEDULE), action: "forward", target: "+14155550999", createdAt: time, updatedAt: time }],
    ["RoutingRule", { id: "rule_2", ...common, priority: 2, schedule: null, action: "agent", target: "Front desk", createdAt: time, updatedAt: time }],
    ["WebhookEndpoint", { id: "we_1", ...common, url: "https://example.com/hook", events: JSON.stringify(["call.completed", "contact.created"]), secret: "enc", createdAt: time, updatedAt: time }],
    ["WebhookEndpoint", { id: "we_2", ...common, url: "https://example.com/all", events: JSON.stringify(["*"]), secret: "enc", createdAt: time, updatedAt: time }],
    ["WebhookEvent", { id: "evt_1", ...common, type: "call.completed", payload: '{"id":"evt_1","type":"call.completed","data":{}}', createdAt: time }],
    ["WebhookDelivery", { id: "whd_1", eventId: "evt_1", endpointId: "we_1", status: "failed", attempts: 7, createdAt: time }],
    ["WebhookDelivery", { id: "whd_2", eventId: "evt_1", endpointId: "we_2", status: "pending", attempts: 0, nextAttemptAt: time, createdAt: time }],
    ["WebhookAttempt", { id: "wha_1", deliveryId: "whd_1", endpointId: "we_1", attempt: 1, statusCode: 500, durationMs: 12, succeeded: false, createdAt: time }],
  ];
}

function insertSql(table: string, row: Row, placeholder: (index: number) => string) {
  const columns = Object.keys(row);
  return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map((_, index) => placeholder(index)).join(", ")})`;
}

// What the rows must read as once migrated, through the engine's own Prisma client.
async function expectTypedRows(client: PrismaClient) {
  const keys = await client.apiKey.findMany({ orderBy: { id: "asc" }, select: { id: true, access: true, scopes: true } });
  expect(keys).toEqual([
    { id: "key_full", access: "full", scopes: null },
    { id: "key_restricted", access: "restricted", scopes: SCOPES },
  ]);

  const calls = await client.call.findMany({ orderBy: { id: "asc" } });
  expect(calls.map(({ id, apiKeyId, direction, status, variables, metadata, transcript, routingAction }) => ({ id, apiKeyId, direction, status, variables, metadata, transcript, routingAction }))).toEqual([
    { id: "call_in", apiKeyId: "key_restricted", direction: "inbound", status: "in_progress", variables: {}, metadata: {}, transcript: null, routingAction: "forward" },
    { id: "call_out", apiKeyId: "key_full", direction: "outbound", status: "completed", variables: { first_name: "Ada" }, metadata: { crm_id: "42" }, transcript: TRANSCRIPT, routingAction: null },
  ]);
  expect(calls[1].createdAt.toISOString()).toBe("2026-11-01T10:00:00.000Z");

  expect(await client.contact.findMany({ orderBy: { id: "asc" }, select: { id: true, metadata: true } })).toEqual([
    { id: "contact_1", metadata: { tier: "gold" } },
    { id: "contact_2", metadata: {} },
  ]);
  expect(await client.routingRule.findMany({ orderBy: { id: "asc" }, select: { id: true, schedule: true, action: true } })).toEqual([
    { id: "rule_1", schedule: SCHEDULE, action: "forward" },
    { id: "rule_2", schedule: null, action: "agent" },
  ]);
  expect(await client.webhookEndpoint.findMany({ orderBy: { id: "asc" }, select: { id: true, events: true } })).toEqual([
    { id: "we_1", events: ["call.completed", "contact.created"] },
    { id: "we_2", events: ["*"] },
  ]);
  // The rebuilt tables' ON DELETE actions must not have fired on the rows pointing at them.
  expect(await client.webhookDelivery.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, attempts: true } })).toEqual([
    { id: "whd_1", status: "failed", attempts: 7 },
    { id: "whd_2", status: "pending", attempts: 0 },
  ]);
  expect(await client.webhookAttempt.count()).toBe(1);
  expect((await client.webhookEvent.findUniqueOrThrow({ where: { id: "evt_1" } })).payload).toBe('{"id":"evt_1","type":"call.completed","data":{}}');

  // Defaults still apply to rows written after the migration.
  const created = await client.contact.create({ data: { id: "contact_3", accountId: "user_1" } });
  expect(created.metadata).toEqual({});
  // Filters on the enum columns work as before.
  expect(await client.call.count({ where: { status: { in: ["queued", "in_progress"] }, direction: "inbound" } })).toBe(1);
}

describe("the typed-data migration on SQLite", () => {
  it("keeps every row and reads them back typed", async () => {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "switchboard-typed-")), "m.db")}`;
    await migrateDatabase(url, { before: TYPED_DATA });
    const raw = new Database(sqlitePath(url));
    for (const [table, row] of oldRows("2026-11-01T10:00:00.000+00:00")) {
      raw.prepare(insertSql(table, row, () => "?")).run(Object.values(row).map((value) => (typeof value === "boolean" ? Number(value) : value)));
    }
    raw.close();

    expect((await migrateDatabase(url))[0]).toBe(TYPED_DATA);

    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sqlitePath(url) }) });
    try {
      await expectTypedRows(client);
    } finally {
      await client.$disconnect();
    }
  });
});

const server = process.env.E2E_POSTGRES_SERVER;
describe.runIf(server)("the typed-data migration on PostgreSQL", () => {
  it("keeps every row and reads them back typed", async () => {
    const url = await freshPostgresDatabase(server!, "switchboard_typed");
    await migrateDatabase(url, { before: TYPED_DATA });
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      for (const [table, row] of oldRows("2026-11-01 10:00:00")) {
        await raw.query(insertSql(table, row, (index) => `$${index + 1}`), Object.values(row));
      }
    } finally {
      await raw.end();
    }

    expect((await migrateDatabase(url))[0]).toBe(TYPED_DATA);

    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
    try {
      await expectTypedRows(client);
    } finally {
      await client.$disconnect();
    }
  });
});
