import type Database from "better-sqlite3";
import type pg from "pg";
import { inSqliteTransaction, postgresPool } from "@/lib/db";
import type { Call } from "@/lib/generated/prisma/client";
import type { EndpointSubscription, NewEventRow } from "@/lib/webhooks/outbox";

// A new call's row, its first event, and the deliveries of that event, written together without
// Prisma. POST /api/v1/calls is the hottest write: through Prisma's interactive transaction each of
// its statements was planned, interpreted and mapped in JavaScript and prepared anew by the SQLite
// adapter, which cost more than the writes. Here each statement is prepared once per connection.
// The rows are the ones Prisma writes (same columns, ids, JSON text, timestamp format), so every
// other path keeps reading them through Prisma; call-store.test.ts reads them back that way.

// Picks the endpoints the event goes to and names each delivery.
export type DeliveriesFor = (endpoints: readonly EndpointSubscription[]) => { id: string; endpointId: string }[];

export type CallStore = (call: Call, event: NewEventRow, deliveriesFor: DeliveriesFor) => Promise<{ deliveryIds: string[] }>;

const CALL_COLUMNS = [
  "id",
  "userId",
  "apiKeyId",
  "direction",
  "status",
  "to",
  "from",
  "agent",
  "contactId",
  "variables",
  "metadata",
  "provider",
  "routingRuleId",
  "routingAction",
  "routingTarget",
  "createdAt",
  "ringingAt",
  "nextActionAt",
] as const;
const quoted = CALL_COLUMNS.map((column) => `"${column}"`).join(", ");

// The values in CALL_COLUMNS' order. The columns a new call leaves empty (duration, transcript,
// summary, answered and ended times) take their defaults, null, as with Prisma.
function callValues(call: Call, time: (date: Date | null) => string | null) {
  return [
    call.id,
    call.accountId,
    call.apiKeyId,
    call.direction,
    call.status,
    call.to,
    call.from,
    call.agent,
    call.contactId,
    JSON.stringify(call.variables),
    JSON.stringify(call.metadata),
    call.provider,
    call.routingRuleId,
    call.routingAction,
    call.routingTarget,
    time(call.createdAt),
    time(call.ringingAt),
    time(call.nextActionAt),
  ];
}

// --- SQLite: on Prisma's own connection, under its adapter's lock (lib/db.ts), synchronously.

// Prisma's SQLite adapter stores DateTime as ISO 8601 text with "+00:00" for "Z"
// (@prisma/adapter-better-sqlite3, timestampFormat "iso8601"); reads compare and parse that text.
const sqliteTime = (date: Date | null) => (date === null ? null : date.toISOString().replace("Z", "+00:00"));

// Text that is not JSON reads as a damaged list, which the outbox's schema turns into no events.
function jsonOrDamaged(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

type SqliteStatements = { endpoints: Database.Statement<[string], { id: string; events: string }>; call: Database.Statement; event: Database.Statement; delivery: Database.Statement };
const sqliteStatements = new WeakMap<Database.Database, SqliteStatements>();

function prepareSqlite(connection: Database.Database): SqliteStatements {
  let statements = sqliteStatements.get(connection);
  if (!statements) {
    statements = {
      endpoints: connection.prepare(`SELECT "id", "events" FROM "WebhookEndpoint" WHERE "userId" = ? AND "enabled" = 1`),
      call: connection.prepare(`INSERT INTO "Call" (${quoted}) VALUES (${CALL_COLUMNS.map(() => "?").join(", ")})`),
      event: connection.prepare(`INSERT INTO "WebhookEvent" ("id", "userId", "type", "payload", "createdAt") VALUES (?, ?, ?, ?, ?)`),
      delivery: connection.prepare(
        `INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "status", "attempts", "nextAttemptAt", "createdAt") VALUES (?, ?, ?, 'pending', 0, ?, ?)`,
      ),
    };
    sqliteStatements.set(connection, statements);
  }
  return statements;
}

export const sqliteCallStore: CallStore = (call, event, deliveriesFor) =>
  inSqliteTransaction((connection) => {
    const statements = prepareSqlite(connection);
    const endpoints = statements.endpoints.all(event.accountId).map((row) => ({ id: row.id, events: jsonOrDamaged(row.events) }));
    statements.call.run(callValues(call, sqliteTime));
    const createdAt = sqliteTime(event.createdAt);
    statements.event.run(event.id, event.accountId, event.type, event.payload, createdAt);
    const deliveries = deliveriesFor(endpoints);
    for (const delivery of deliveries) statements.delivery.run(delivery.id, event.id, delivery.endpointId, createdAt, createdAt);
    return { deliveryIds: deliveries.map((delivery) => delivery.id) };
  });

// --- PostgreSQL: named statements on the pg pool Prisma also uses (each connection parses and
// plans them once). Two round trips: the endpoints read, then one statement that inserts the call,
// the event and its deliveries, which PostgreSQL runs as one transaction (all rows or none).
// Prisma's transaction also read the endpoints before inserting, at READ COMMITTED, so an endpoint
// created during the launch was missed there too.

// The DateTime columns are "timestamp without time zone" holding UTC (as Prisma writes them).
const pgTime = (date: Date | null) => (date === null ? null : date.toISOString());
const utc = (parameter: number) => `($${parameter}::timestamptz AT TIME ZONE 'UTC')`;
const CALL_TYPES: Partial<Record<(typeof CALL_COLUMNS)[number], string>> = {
  direction: `"CallDirection"`,
  status: `"CallStatus"`,
  routingAction: `"RoutingAction"`,
  variables: "jsonb",
  metadata: "jsonb",
};
const pgCallValues = CALL_COLUMNS.map((column, index) =>
  column === "createdAt" || column === "ringingAt" || column === "nextActionAt" ? utc(index + 1) : CALL_TYPES[column] ? `$${index + 1}::${CALL_TYPES[column]}` : `$${index + 1}`,
).join(", ");
const n = CALL_COLUMNS.length;

const POSTGRES_ENDPOINTS = `SELECT "id", "events"::text AS "events" FROM "WebhookEndpoint" WHERE "userId" = $1 AND "enabled"`;
// $n+1…$n+4: the event's id, type, payload and time; $n+5/$n+6: the deliveries' ids and endpoints.
const POSTGRES_INSERT = `
  WITH "call" AS (INSERT INTO "Call" (${quoted}) VALUES (${pgCallValues})),
       "event" AS (INSERT INTO "WebhookEvent" ("id", "userId", "type", "payload", "createdAt") VALUES ($${n + 1}, $2, $${n + 2}, $${n + 3}, ${utc(n + 4)}))
  INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "status", "attempts", "nextAttemptAt", "createdAt")
  SELECT d."id", $${n + 1}, d."endpointId", 'pending', 0, ${utc(n + 4)}, ${utc(n + 4)}
  FROM unnest($${n + 5}::text[], $${n + 6}::text[]) AS d("id", "endpointId")`;

export function postgresCallStore(pool: pg.Pool): CallStore {
  return async (call, event, deliveriesFor) => {
    const { rows } = await pool.query<{ id: string; events: string }>({ name: "call-store-endpoints", text: POSTGRES_ENDPOINTS, values: [event.accountId] });
    const deliveries = deliveriesFor(rows.map((row) => ({ id: row.id, events: JSON.parse(row.events) as unknown })));
    await pool.query({
      name: "call-store-insert",
      text: POSTGRES_INSERT,
      values: [
        ...callValues(call, pgTime),
        event.id,
        event.type,
        event.payload,
        pgTime(event.createdAt),
        deliveries.map((delivery) => delivery.id),
        deliveries.map((delivery) => delivery.endpointId),
      ],
    });
    return { deliveryIds: deliveries.map((delivery) => delivery.id) };
  };
}

// The store of this deployment's engine.
export const callStore: CallStore = postgresPool ? postgresCallStore(postgresPool) : sqliteCallStore;
