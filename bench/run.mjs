// `npm run bench`: what API-key verification, POST /calls, memory and page weight cost, on SQLite
// and on PostgreSQL. Builds if needed, starts the production server as `npm start` does on a fresh
// database per engine, creates a key through the real UI, then runs the cases in alternating rounds
// (health, me, health, me, …) with autocannon and reports medians with their spread. On
// PostgreSQL it also runs two instances on one database. A measurement, not a test: it asserts
// nothing.
//
//   BENCH_QUICK=1             smoke check: 3 rounds of 2 s, 10,000 stored keys
//   BENCH_ENGINES=sqlite      one engine only (default: sqlite,postgresql)
//   BENCH_SECONDS, BENCH_ROUNDS, BENCH_PORT (first of five consecutive ports, default 3400)
//   BENCH_POSTGRES_URL        a PostgreSQL server to create the bench database on
//   --pages-only              only the page weights (SQLite; no load)
//   --record                  write bench/results.json (committed) instead of bench/results.local.json
import { writeFileSync } from "node:fs";
import { migrateDatabase } from "../prisma/migrate.mjs";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { deletionPropagation, launchBrowser, pageWeights, signUpWithKey } from "./browser.mjs";
import { postgresDatabase, sqliteDatabase } from "./databases.mjs";
import { alternate, caseSummary, CONNECTIONS, load, ratios, spread } from "./load.mjs";
import { cpuMsOfCommand, startServer } from "./server.mjs";

const QUICK = process.env.BENCH_QUICK === "1";
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 6));
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const STORED_KEYS = QUICK ? 10_000 : 100_000;
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const ENGINES = (process.env.BENCH_ENGINES ?? "sqlite,postgresql").split(",");
const RECORD = process.argv.includes("--record");
const PAGES_ONLY = process.argv.includes("--pages-only");

// Every page a signed-in owner or a visitor can open, weighed on a first load.
const PAGES = {
  sign_in: { path: "/sign-in" },
  sign_up: { path: "/sign-up" },
  docs_api: { path: "/docs/api" },
  dashboard: { path: "/", signedIn: true },
  calls: { path: "/calls", signedIn: true },
  call_detail: { path: "/calls/{call}", signedIn: true },
  profile_settings: { path: "/settings/profile", signedIn: true },
  integration_settings: { path: "/settings/integrations", signedIn: true },
  key_page: { path: "/settings/integrations/keys/{key}", signedIn: true },
  audit_log: { path: "/settings/audit-log", signedIn: true },
  logs: { path: "/logs", signedIn: true },
  contacts: { path: "/contacts", signedIn: true },
  routing: { path: "/routing", signedIn: true },
};

const servers = new Set();
process.on("exit", () => {
  for (const server of servers) server.kill?.();
});

async function withServer(options, work) {
  const server = await startServer(options);
  servers.add(server);
  try {
    return await work(server);
  } finally {
    await server.stop();
    servers.delete(server);
  }
}

async function warmUp(cases) {
  for (const { options } of cases) await load({ ...options, duration: QUICK ? 1 : 3 });
}

async function weighPages(base, auth, session) {
  const call = await (await fetch(`${base}/api/v1/calls?limit=1`, { headers: auth })).json();
  const me = await (await fetch(`${base}/api/v1/me`, { headers: auth })).json();
  const path = (template) => template.replace("{call}", call.data[0].id).replace("{key}", me.api_key.id);
  const pages = Object.fromEntries(Object.entries(PAGES).map(([label, page]) => [label, { ...page, path: path(page.path) }]));
  const weights = await pageWeights(browser, base, session, pages);
  for (const [label, weight] of Object.entries(weights)) console.log(`  ${label} (${weight.path}): ${weight.js_kb_gzip} kB gzip JS in ${weight.scripts} scripts`);
  return weights;
}

async function benchEngine(database) {
  console.log(`\n== ${database.engine} ==`);
  await migrateDatabase(database.url);
  // Usage counts, the request log and last-used details are written by a flush every few
  // seconds, never by a request. An hour-long interval keeps every flush out of the measured
  // rounds, so db_writes_per_authenticated_request is the writes a request makes between flushes
  // (the promise: 0). The flush itself (one transaction per interval) is left out of the
  // ratios too; the usage buffer stays within its cap meanwhile.
  const env = { USAGE_FLUSH_INTERVAL_SECONDS: "3600" };
  return withServer({ port: PORT, databaseUrl: database.url, env }, async (server) => {
    const { key, session } = await signUpWithKey(browser, server.base);
    const auth = { authorization: `Bearer ${key}` };
    if (PAGES_ONLY) {
      await fetch(`${server.base}/api/v1/calls`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ to: "+14155550123" }) });
      return { pages: await weighPages(server.base, auth, session) };
    }
    // Client, server and database share the machine's cores, so each round also says what one
    // request cost each of them (the database's side only where PostgreSQL runs on this machine).
    const cpu = () => {
      const client = process.cpuUsage();
      return {
        client: (client.user + client.system) / 1000,
        server: server.cpuMs(),
        ...(database.engine === "postgresql" && { database: cpuMsOfCommand("postgres") }),
      };
    };
    const health = { name: "GET /api/v1/health (no key)", options: { url: `${server.base}/api/v1/health` } };
    const me = { name: "GET /api/v1/me (key)", options: { url: `${server.base}/api/v1/me`, headers: auth } };
    const calls = {
      name: "POST /api/v1/calls",
      options: { url: `${server.base}/api/v1/calls`, method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ to: "+14155550123" }) },
    };

    // JIT, module loading and connections warm on every path before anything is measured, so the
    // steady state is what the rounds see.
    // POST /calls warms up just before its own rounds: the calls it creates keep the call worker
    // writing for a while, which the writes measurement below must not count.
    await warmUp([health, me]);
    await new Promise((resolve) => setTimeout(resolve, 500));

    console.log(`${ROUNDS} rounds of ${SECONDS} s, ${CONNECTIONS} connections`);
    const writesSince = await database.writesCounter();
    const small = await alternate({ rounds: ROUNDS, duration: SECONDS, cases: [health, me], cpu });
    const writes = await writesSince();

    console.log(`Storing ${STORED_KEYS.toLocaleString("en")} keys…`);
    await database.storeManyKeys(STORED_KEYS);
    const many = `${STORED_KEYS.toLocaleString("en")} keys stored`;
    const healthMany = { ...health, name: `GET /api/v1/health, ${many}` };
    const meMany = { ...me, name: `GET /api/v1/me, ${many}` };
    await warmUp([meMany]);
    const large = await alternate({ rounds: ROUNDS, duration: SECONDS, cases: [healthMany, meMany], cpu });

    const healthForCalls = { ...health, name: "GET /api/v1/health (beside POST /calls)" };
    await warmUp([calls]);
    const callRuns = await alternate({ rounds: ROUNDS, duration: SECONDS, cases: [healthForCalls, calls], cpu });

    const weights = await weighPages(server.base, auth, session);

    const authenticatedRequests = small[me.name].reduce((sum, row) => sum + row.requests, 0);
    const summary = {
      auth_throughput_ratio: ratios(small[me.name], small[health.name], "requests_per_second"),
      auth_p99_ratio: ratios(small[me.name], small[health.name], "p99_ms"),
      auth_throughput_ratio_100k_keys: ratios(large[meMany.name], large[healthMany.name], "requests_per_second"),
      auth_p99_ratio_100k_keys: ratios(large[meMany.name], large[healthMany.name], "p99_ms"),
      stored_keys: STORED_KEYS,
      db_writes_per_authenticated_request: Math.round((writes / authenticatedRequests) * 10_000) / 10_000,
      db_writes_during_authenticated_rounds: writes,
      db_writes_unit: database.writeUnit,
      calls_throughput_ratio_to_health: ratios(callRuns[calls.name], callRuns[healthForCalls.name], "requests_per_second"),
      calls_requests_per_second: spread(callRuns[calls.name].map((row) => row.requests_per_second)),
      peak_rss_mb: Math.round(server.memory.peakProcessKb / 1024),
      peak_rss_all_server_processes_mb: Math.round(server.memory.peakTreeKb / 1024),
      page_js_kb_gzip: Object.fromEntries(Object.entries(weights).map(([label, weight]) => [label, weight.js_kb_gzip])),
    };
    const cases = [...Object.values(small), ...Object.values(large), ...Object.values(callRuns)].map(caseSummary);
    return { cases, summary, pages: weights, session, key };
  });
}

// Two production servers on one PostgreSQL database, the load spread over both.
async function benchTwoInstances(database, browser, session, key) {
  console.log("\n== postgresql, two instances on one database ==");
  return withServer({ port: PORT + 1, databaseUrl: database.url }, (a) =>
    withServer({ port: PORT + 2, databaseUrl: database.url }, async (b) => {
      const auth = { authorization: `Bearer ${key}` };
      const both = { name: "GET /api/v1/me, two instances", options: { url: [`${a.base}/api/v1/me`, `${b.base}/api/v1/me`], headers: auth } };
      const one = { name: "GET /api/v1/me, one instance", options: { url: `${a.base}/api/v1/me`, headers: auth } };
      await warmUp([both]);
      const runs = await alternate({ rounds: ROUNDS, duration: SECONDS, cases: [one, both] });
      const deletion = await deletionPropagation(browser, a.base, b.base, session);
      console.log(`  deleted on one instance, refused by the other ${deletion.ms_from_delete_acknowledged_to_first_refusal_on_other_instance} ms after the deletion was acknowledged`);
      return {
        cases: Object.values(runs).map(caseSummary),
        summary: {
          total_requests_per_second_two_instances: spread(runs[both.name].map((row) => row.requests_per_second)),
          scaling_over_one_instance: ratios(runs[both.name], runs[one.name], "requests_per_second"),
          ...deletion,
        },
      };
    }),
  );
}

buildIfStale();
const startedAt = Date.now();
const browser = await launchBrowser();
const results = { date: new Date().toISOString(), node: process.version, quick: QUICK, connections: CONNECTIONS, seconds_per_case: SECONDS, rounds: ROUNDS, engines: {} };
try {
  for (const engine of PAGES_ONLY ? ["sqlite"] : ENGINES) {
    const database = engine === "postgresql" ? await postgresDatabase() : sqliteDatabase();
    try {
      const { session, key, ...section } = await benchEngine(database);
      if (engine === "postgresql") section.two_instances = await benchTwoInstances(database, browser, session, key);
      results.engines[engine] = section;
      if (PAGES_ONLY) continue;
      console.table(
        section.cases.map((row) => ({
          case: row.case,
          "req/s": row.requests_per_second.median,
          "p99 ms": row.p99_ms.median,
          "req/s min–max": `${row.requests_per_second.min}–${row.requests_per_second.max}`,
          ...Object.fromEntries(Object.entries(row.cpu_us_per_request ?? {}).map(([side, us]) => [`${side} CPU µs/req`, us.median])),
        })),
      );
      console.log(JSON.stringify(section.summary, null, 2));
      if (section.two_instances) console.log(JSON.stringify(section.two_instances.summary, null, 2));
    } finally {
      await database.drop();
    }
  }
} finally {
  await browser.close();
}
results.duration_seconds = Math.round((Date.now() - startedAt) / 1000);
const file = new URL(RECORD ? "./results.json" : "./results.local.json", import.meta.url);
writeFileSync(file, JSON.stringify(results, null, 2) + "\n");
console.log(`\nWrote ${file.pathname} in ${results.duration_seconds} s`);
process.exit(0);
