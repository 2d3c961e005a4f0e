// Applies prisma/migrations/*/migration.sql to the database, as `prisma migrate deploy` would.
//
// Why not Prisma's own CLI: Prisma 7 migrations need a native schema engine that is downloaded
// from Prisma's servers, which these machines cannot reach (see README, "Migrations"). This
// runner keeps Prisma's layout and bookkeeping (the _prisma_migrations table with the same
// SHA-256 checksums), so where the download works `prisma migrate deploy` sees the same state
// and applies the same files unchanged.
import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { databaseUrl, isPostgresUrl, sqlitePath } from "./database-url.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
// Prisma pins one provider per migrations folder, so each engine has its own.
const MIGRATIONS_DIRS = { sqlite: path.join(here, "migrations"), postgresql: path.join(here, "postgresql/migrations") };

const CREATE_SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const CREATE_POSTGRES_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// `before` (a migration name) stops short of that migration: tests use it to build a database
// as an older release left it.
export function listMigrations(provider = "sqlite", { before } = {}) {
  const dir = MIGRATIONS_DIRS[provider];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (before === undefined || entry.name < before))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Returns the names of the migrations it applied. Safe when several instances start at once.
export async function migrateDatabase(url = databaseUrl(), options = {}) {
  return isPostgresUrl(url) ? migratePostgres(url, options) : migrateSqlite(url, options);
}

// Each migration runs in an IMMEDIATE transaction that re-checks what is applied.
function migrateSqlite(url, options) {
  const db = new Database(sqlitePath(url), { timeout: 30_000 });
  try {
    // WAL lets readers carry on while a request writes.
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_SQLITE_MIGRATIONS_TABLE);
    const isApplied = db.prepare(
      `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES (?, ?, ?, ?, ?, 1)`,
    );
    const applied = [];
    for (const migration of listMigrations("sqlite", options)) {
      const apply = db.transaction(() => {
        const existing = isApplied.get(migration.name);
        if (existing) {
          if (existing.checksum !== migration.checksum) {
            console.warn(`Migration ${migration.name} was changed after it was applied; it is not applied again.`);
          }
          return;
        }
        const startedAt = new Date().toISOString();
        db.exec(migration.sql);
        const violations = db.pragma("foreign_key_check");
        if (violations.length) throw new Error(`foreign key violations: ${JSON.stringify(violations.slice(0, 5))}`);
        record.run(randomUUID(), migration.checksum, migration.name, startedAt, new Date().toISOString());
        applied.push(migration.name);
      });
      // Prisma rebuilds SQLite tables (create new, copy, drop old). With foreign keys on, dropping
      // the old table would fire ON DELETE actions on rows that point at it, so they are off
      // while a migration runs (the pragma is ignored inside a transaction) and checked before commit.
      db.pragma("foreign_keys = OFF");
      try {
        apply.immediate();
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed: ${error.message}`, { cause: error });
      } finally {
        db.pragma("foreign_keys = ON");
      }
    }
    return applied;
  } finally {
    db.close();
  }
}

// PostgreSQL runs DDL in transactions: all pending migrations apply in one, under an advisory
// lock so instances starting together take turns.
async function migratePostgres(url, options) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(7270736901)");
    await client.query(CREATE_POSTGRES_MIGRATIONS_TABLE);
    const { rows } = await client.query(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied = [];
    for (const migration of listMigrations("postgresql", options)) {
      if (done.has(migration.name)) {
        if (done.get(migration.name) !== migration.checksum) {
          console.warn(`Migration ${migration.name} was changed after it was applied; it is not applied again.`);
        }
        continue;
      }
      try {
        await client.query(migration.sql);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed: ${error.message}`, { cause: error });
      }
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      applied.push(migration.name);
    }
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const applied = await migrateDatabase();
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
}
