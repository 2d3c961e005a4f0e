// The two engines the bench runs on: a fresh database each, 100,000 stored keys, and a count of
// what the server wrote to it.
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export function sqliteDatabase() {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "switchboard-bench-")), "bench.db");
  const withDb = (work) => {
    const db = new Database(file);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    engine: "sqlite",
    url: `file:${file}`,
    writeUnit: "WAL frames (pages)",
    // Rows only need distinct hashes: the lookup is what is measured, not their validity.
    storeManyKeys: async (count) =>
      withDb((db) => {
        // Another account than the one the bench signs in with: a page listing 100,000 keys is not
        // what the page-weight measurement is about (the product caps an account at 100 live keys).
        const userId = "bench_bulk_owner";
        db.prepare(`INSERT INTO "User" (id, email, name, passwordHash, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`).run(userId, "bulk-owner@bench.invalid", "Bulk keys", "scrypt$unused", Date.now(), Date.now());
        const insert = db.prepare(`INSERT INTO "ApiKey" (id, userId, name, hash, display, createdAt) VALUES (?, ?, ?, ?, ?, ?)`);
        db.transaction(() => {
          for (let i = 0; i < count; i++) {
            insert.run(`bench_${i}`, userId, "Bulk", createHash("sha256").update(`bulk-${i}`).digest("hex"), "sb_live_bulk…bulk", Date.now());
          }
        })();
        // Fold the bulk insert into the database file, as SQLite's automatic checkpoints would have
        // long done on a server that accumulated these keys over time.
        db.pragma("wal_checkpoint(TRUNCATE)");
      }),
    // Pages the write-ahead log gained since the last call: 0 means nothing was written.
    writesCounter: async () => {
      withDb((db) => db.pragma("wal_checkpoint(TRUNCATE)"));
      return async () => withDb((db) => db.pragma("wal_checkpoint(PASSIVE)")[0].log);
    },
    drop: async () => {},
  };
}

const DEFAULT_POSTGRES_SERVER = "postgresql://switchboard:switchboard@127.0.0.1:5432/postgres";

async function reachable(url) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// BENCH_POSTGRES_URL names a server (its database is only used to create the bench's own);
// without it, the local Debian server that .ci/start-postgres installs and starts.
export async function postgresDatabase() {
  const server = process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_SERVER;
  if (!(await reachable(server))) {
    if (process.env.BENCH_POSTGRES_URL) throw new Error("BENCH_POSTGRES_URL is not reachable.");
    const started = spawnSync(".ci/start-postgres", { stdio: "inherit" });
    if (started.status !== 0) throw new Error("Could not start PostgreSQL with .ci/start-postgres.");
  }
  const name = `switchboard_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;

  const withClient = async (work) => {
    const client = new pg.Client({ connectionString: url.href });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  // Rows inserted, updated or deleted in the bench database, from PostgreSQL's statistics.
  const rowsWritten = () =>
    withClient(async (client) => {
      const { rows } = await client.query(`SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::bigint AS n FROM pg_stat_user_tables`);
      return Number(rows[0].n);
    });
  // Backends report their counts when idle, at most once a second: wait for that before reading.
  const settled = () => new Promise((resolve) => setTimeout(resolve, 1500));

  return {
    engine: "postgresql",
    url: url.href,
    writeUnit: "rows inserted, updated or deleted",
    storeManyKeys: (count) =>
      withClient(async (client) => {
        // Another account than the one the bench signs in with (see the SQLite case).
        await client.query(
          `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('bench_bulk_owner', 'bulk-owner@bench.invalid', 'Bulk keys', 'scrypt$unused', now())`,
        );
        await client.query(
          `INSERT INTO "ApiKey" (id, "userId", name, hash, display)
           SELECT 'bench_' || i, 'bench_bulk_owner', 'Bulk', encode(sha256(('bulk-' || i)::bytea), 'hex'), 'sb_live_bulk…bulk'
           FROM generate_series(1, $1) AS i`,
          [count],
        );
        // As autovacuum would have long done on a server that accumulated these keys over time.
        await client.query(`VACUUM ANALYZE "ApiKey"`);
      }),
    writesCounter: async () => {
      await settled();
      const before = await rowsWritten();
      return async () => {
        await settled();
        return (await rowsWritten()) - before;
      };
    },
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
