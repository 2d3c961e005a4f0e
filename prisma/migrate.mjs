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
import { databaseUrl, sqlitePath } from "./database-url.mjs";

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function listMigrations() {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Returns the names of the migrations it applied. Safe when several processes start at
// once: each migration runs in an IMMEDIATE transaction that re-checks what is applied.
export function migrateDatabase(url = databaseUrl()) {
  const db = new Database(sqlitePath(url), { timeout: 30_000 });
  try {
    // WAL lets readers carry on while a request writes.
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_MIGRATIONS_TABLE);
    const isApplied = db.prepare(
      `SELECT checksum FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const record = db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES (?, ?, ?, ?, ?, 1)`,
    );
    const applied = [];
    for (const migration of listMigrations()) {
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const applied = migrateDatabase();
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date.");
}
