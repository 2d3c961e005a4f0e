// `npm run bench`: how much API-key verification costs. Builds if needed, starts the production
// server on a fresh SQLite database, creates a key through the real UI, and drives load with
// autocannon (20 connections, 10 s per case, after a warm-up). Prints a table and writes
// bench/results.json. A measurement, not a test: it asserts nothing.
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { migrateDatabase } from "../prisma/migrate.mjs";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { ensureChromium } from "../scripts/find-chromium.mjs";

const PORT = process.env.BENCH_PORT ?? "3400";
const BASE = `http://localhost:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const STORED_KEYS = 100_000;

process.env.NEXT_TELEMETRY_DISABLED = "1";
buildIfStale();

const dbFile = path.join(mkdtempSync(path.join(tmpdir(), "switchboard-bench-")), "bench.db");
const databaseUrl = `file:${dbFile}`;
await migrateDatabase(databaseUrl);

// The server `npm start` runs (scripts/server.mjs in front of Next.js), on a migrated, built app.
const server = spawn(process.execPath, ["scripts/server.mjs"], {
  env: {
    ...process.env,
    PORT,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: BASE,
    NODE_ENV: "production",
    // The benchmark measures verification, not the limiter refusing it.
    RATE_LIMIT_REQUESTS: "1000000000",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
process.on("exit", () => server.kill());

let peakRssKb = 0;
const rssTimer = setInterval(() => {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    peakRssKb = Math.max(peakRssKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
  } catch {
    // not Linux, or the server has exited
  }
}, 250);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not start.");
}

// Through the real sign-up and Generate Key dialog, as an owner would.
async function createKeyThroughUi() {
  const executablePath = ensureChromium() ?? undefined;
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await browser.newPage();
    await page.goto(`${BASE}/sign-up`);
    await page.getByLabel("Name").fill("Bench");
    await page.getByLabel("Email").fill(`bench-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("benchmark password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Welcome, Bench" }).waitFor();
    await page.goto(`${BASE}/settings/integrations`);
    await page.getByRole("button", { name: "Generate Key" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("Bench");
    await page.getByRole("button", { name: "Generate key" }).click();
    return await page.getByRole("textbox", { name: "API key" }).inputValue();
  } finally {
    await browser.close();
  }
}

// Rows only need distinct hashes: the lookup is what is measured, not their validity.
function storeManyKeys(count) {
  const db = new Database(dbFile);
  const userId = db.prepare(`SELECT id FROM "User" LIMIT 1`).pluck().get();
  const insert = db.prepare(`INSERT INTO "ApiKey" (id, userId, name, hash, display, createdAt) VALUES (?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      insert.run(`bench_${i}`, userId, "Bulk", createHash("sha256").update(`bulk-${i}`).digest("hex"), "sb_live_bulk…bulk", Date.now());
    }
  })();
  // Fold the bulk insert into the database file, as SQLite's automatic checkpoints would have
  // long done on a server that accumulated these keys over time.
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

// Pages the write-ahead log gained during a run: 0 means the run wrote nothing.
function walFramesSince(reset) {
  const db = new Database(dbFile);
  try {
    const [{ log }] = db.pragma(reset ? "wal_checkpoint(TRUNCATE)" : "wal_checkpoint(PASSIVE)");
    return log;
  } finally {
    db.close();
  }
}

function load(name, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${BASE}${options.path}`, connections: CONNECTIONS, duration: options.duration ?? DURATION, ...options }, (error, result) =>
      error ? reject(error) : resolve({ name, result }),
    );
  });
}

async function measure(name, options) {
  await load(`${name} (warm-up)`, { ...options, duration: 2 });
  const { result } = await load(name, options);
  const ok = result["2xx"];
  const row = {
    case: name,
    requests_per_second: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx + result.errors,
    requests: ok,
  };
  console.log(`  ${name}: ${row.requests_per_second} req/s, p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms`);
  return row;
}

await waitForServer();
const key = await createKeyThroughUi();
const auth = { headers: { authorization: `Bearer ${key}` } };
console.log("Measuring…");

// Warm both paths (JIT, module loading, connections) before any case is measured, so the first
// case is not penalised for going first.
await load("warm-up", { path: "/api/v1/health", duration: 3 });
await load("warm-up", { path: "/api/v1/me", duration: 3, ...auth });

const rows = [];
rows.push(await measure("GET /api/v1/health (no key)", { path: "/api/v1/health" }));
// Let last-used be written once, so the steady state is measured.
await fetch(`${BASE}/api/v1/me`, auth);
await new Promise((resolve) => setTimeout(resolve, 500));
walFramesSince(true);
const me = await measure("GET /api/v1/me (key)", { path: "/api/v1/me", ...auth });
const walFrames = walFramesSince(false);
rows.push(me);

storeManyKeys(STORED_KEYS);
rows.push(await measure(`GET /api/v1/health, ${STORED_KEYS.toLocaleString("en")} keys stored`, { path: "/api/v1/health" }));
rows.push(await measure(`GET /api/v1/me, ${STORED_KEYS.toLocaleString("en")} keys stored`, { path: "/api/v1/me", ...auth }));
rows.push(
  await measure("POST /api/v1/calls", {
    path: "/api/v1/calls",
    method: "POST",
    headers: { ...auth.headers, "content-type": "application/json" },
    body: JSON.stringify({ to: "+14155550123" }),
  }),
);

clearInterval(rssTimer);
server.kill();

const ratio = (a, b) => Math.round((a / b) * 100) / 100;
const summary = {
  auth_throughput_ratio: ratio(rows[1].requests_per_second, rows[0].requests_per_second),
  auth_p99_ratio: ratio(rows[1].p99_ms, rows[0].p99_ms),
  auth_throughput_ratio_100k_keys: ratio(rows[3].requests_per_second, rows[2].requests_per_second),
  auth_p99_ratio_100k_keys: ratio(rows[3].p99_ms, rows[2].p99_ms),
  db_writes_per_authenticated_request: walFrames / me.requests,
  wal_frames_during_authenticated_run: walFrames,
  peak_rss_mb: Math.round(peakRssKb / 1024),
};

console.log();
console.table(rows);
console.table(summary);
const results = { date: new Date().toISOString(), connections: CONNECTIONS, seconds_per_case: DURATION, node: process.version, cases: rows, summary };
writeFileSync(new URL("./results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
console.log("Wrote bench/results.json");
process.exit(0);
