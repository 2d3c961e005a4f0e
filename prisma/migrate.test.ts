import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshPostgresDatabase } from "../scripts/fresh-postgres-database.mjs";
import { listMigrations, migrateDatabase } from "./migrate.mjs";
import { postgresSchema } from "./postgresql/derive-schema.mjs";

const TABLES = ["ApiKey", "ApiKeyUsage", "AuditEvent", "Call", "Contact", "IdempotencyRecord", "RateLimitWindow", "RecoveryCode", "RequestLog", "RoutingRule", "Session", "User", "WebhookAttempt", "WebhookDelivery", "WebhookEndpoint", "WebhookEvent"];

describe("migrations on SQLite", () => {
  it("apply every migration once, recorded the way Prisma records them", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "switchboard-migrate-")), "m.db");
    const all = listMigrations("sqlite").map((migration) => migration.name);
    expect(await migrateDatabase(`file:${file}`)).toEqual(all);
    expect(await migrateDatabase(`file:${file}`)).toEqual([]);

    const db = new Database(file, { readonly: true });
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'`).pluck().all();
    expect(tables.sort()).toEqual(TABLES);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
    }[];
    expect(rows.map((row) => row.migration_name)).toEqual(all);
    for (const row of rows) {
      const sql = readFileSync(path.join(import.meta.dirname, "migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeTruthy();
    }
    db.close();
  });
});

describe("the PostgreSQL schema", () => {
  it("is derived from prisma/schema.prisma and up to date", () => {
    expect(readFileSync(path.join(import.meta.dirname, "postgresql/schema.prisma"), "utf8")).toBe(postgresSchema());
  });
});

// Runs where a PostgreSQL server is given (CI starts one): E2E_POSTGRES_SERVER=postgresql://…/postgres
const server = process.env.E2E_POSTGRES_SERVER;
describe.runIf(server)("migrations on PostgreSQL", () => {
  it("apply every migration once, even when two instances start together", async () => {
    const url = await freshPostgresDatabase(server!, "switchboard_migrate");
    const all = listMigrations("postgresql").map((migration) => migration.name);
    const [first, second] = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    expect([...first, ...second].sort()).toEqual(all);
    expect(await migrateDatabase(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'`);
      expect(rows.map((row) => row.table_name).sort()).toEqual(TABLES);
      const applied = await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
      expect(applied.rows.map((row) => row.migration_name)).toEqual(all);
    } finally {
      await client.end();
    }
  });
});
