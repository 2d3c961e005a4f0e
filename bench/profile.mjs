// `node bench/profile.mjs [seconds]`: where POST /api/v1/calls (or, with BENCH_PROFILE_ROUTE=me or
// health, GET /api/v1/me or /health) spends its CPU. Starts the production
// server as `npm start` does (scripts/start.mjs, under node --cpu-prof), on a fresh SQLite database
// or on BENCH_POSTGRES_URL's server with BENCH_ENGINES=postgresql, drives POST /calls with
// autocannon, stops the server so it writes the profile, and prints the functions with the most
// self and total time during the measured load, and where the server's resident memory is.
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { SourceMap } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../prisma/migrate.mjs";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { launchBrowser, signUpWithKey } from "./browser.mjs";
import { postgresDatabase, sqliteDatabase } from "./databases.mjs";
import { load, summarize } from "./load.mjs";
import { memoryBreakdown, startServer } from "./server.mjs";

const SECONDS = Number(process.argv[2] === "--analyze" ? 0 : (process.argv[2] ?? 10));
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const TOP = Number(process.env.BENCH_PROFILE_TOP ?? 25);
// BENCH_HEAP_SNAPSHOT=1: also write a heap snapshot of the server at the end of the load (its peak).
const HEAP_SNAPSHOT = process.env.BENCH_HEAP_SNAPSHOT === "1";

// `--analyze <file.cpuprofile> <start µs> <end µs>` prints the tables again for a saved profile.
const ANALYZE = process.argv[2] === "--analyze";
let profile;
const loadWindow = { start: 0, end: Infinity };
let files = [];
let profileDir = "";
if (ANALYZE) {
  profile = JSON.parse(readFileSync(process.argv[3], "utf8"));
  loadWindow.start = Number(process.argv[4] ?? 0);
  loadWindow.end = Number(process.argv[5] ?? Infinity);
  files = [process.argv[3]];
  profileDir = path.dirname(process.argv[3]);
} else {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  buildIfStale();
  const database = process.env.BENCH_ENGINES === "postgresql" ? await postgresDatabase() : sqliteDatabase();
  await migrateDatabase(database.url);
  profileDir = mkdtempSync(path.join(tmpdir(), "switchboard-profile-"));
  // --trace-gc shows how big V8's heap gets next to the process's resident memory.
  const gcLog = path.join(profileDir, "gc.log");
  const server = await startServer({
    port: PORT,
    databaseUrl: database.url,
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--trace-gc", ...(HEAP_SNAPSHOT ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${profileDir}`] : [])],
    stdout: openSync(gcLog, "w"),
  });
  try {
    const browser = await launchBrowser();
    const { key } = await signUpWithKey(browser, server.base).finally(() => browser.close());
    const { name, ...options } =
      process.env.BENCH_PROFILE_ROUTE === "me"
        ? { name: "GET /api/v1/me", url: `${server.base}/api/v1/me`, headers: { authorization: `Bearer ${key}` } }
        : process.env.BENCH_PROFILE_ROUTE === "health"
          ? { name: "GET /api/v1/health", url: `${server.base}/api/v1/health` }
          : {
            name: "POST /api/v1/calls",
            url: `${server.base}/api/v1/calls`,
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: JSON.stringify({ to: "+14155550123" }),
          };
    await load({ ...options, duration: 3 });
    // The profile covers the server's whole life (start, sign-up, warm-up); only the samples taken
    // during the measured load are counted. V8's profile clock and hrtime are both CLOCK_MONOTONIC.
    loadWindow.start = Number(process.hrtime.bigint() / 1000n);
    const row = summarize(name, await load({ ...options, duration: SECONDS }));
    loadWindow.end = Number(process.hrtime.bigint() / 1000n);
    const resident = Object.entries(memoryBreakdown(server.pid)).sort((a, b) => b[1] - a[1]);
    console.log(`Resident memory at the end of the load: ${resident.map(([name, kb]) => `${name} ${Math.round(kb / 1024)} MB`).join(", ")}`);
    if (HEAP_SNAPSHOT) {
      process.kill(server.pid, "SIGUSR2");
      // The server writes it synchronously; it is complete once the name stops growing.
      for (let last = -1; ; ) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const snapshots = readdirSync(profileDir).filter((name) => name.endsWith(".heapsnapshot"));
        const size = snapshots.length ? statSync(path.join(profileDir, snapshots[0])).size : 0;
        if (size > 0 && size === last) break;
        last = size;
      }
      console.log(`Heap snapshot in ${profileDir}`);
    }
    console.log(`${row.requests_per_second} req/s, p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms, peak RSS ${Math.round(server.memory.peakProcessKb / 1024)} MB`);
  } finally {
    await server.stop();
    await database.drop();
  }

  files = readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile")).map((name) => path.join(profileDir, name));
  const heapAfterGc = [...readFileSync(gcLog, "utf8").matchAll(/-> ([\d.]+) \(([\d.]+)\) MB/g)].map((match) => [Number(match[1]), Number(match[2])]);
  if (heapAfterGc.length) {
    console.log(`V8 heap after GC: up to ${Math.max(...heapAfterGc.map(([used]) => used))} MB used of ${Math.max(...heapAfterGc.map(([, committed]) => committed))} MB committed (${heapAfterGc.length} GCs; log ${gcLog})`);
  }
  profile = files.map((file) => JSON.parse(readFileSync(file, "utf8"))).sort((a, b) => b.samples.length - a.samples.length)[0];
  console.log(`Load window on the profile clock: ${loadWindow.start} ${loadWindow.end} µs (again: node bench/profile.mjs --analyze <file> ${loadWindow.start} ${loadWindow.end})`);
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
// Total (inclusive) time: a function is counted once per sample in which it is on the stack.
const inclusive = new Map();
// The app's server chunks are minified: their frames are named through the build's source maps
// (e.g. lib/webhooks/outbox.ts:19 emitWebhookEvents).
const sourceMaps = new Map();
function sourceMapOf(url) {
  if (!sourceMaps.has(url)) {
    const file = `${fileURLToPath(url)}.map`;
    sourceMaps.set(url, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8"))) : null);
  }
  return sourceMaps.get(url);
}
function frameName({ callFrame }) {
  if (callFrame.url.startsWith("file://") && callFrame.url.includes("/.next/")) {
    const entry = sourceMapOf(callFrame.url)?.findEntry(callFrame.lineNumber, callFrame.columnNumber);
    if (entry?.originalSource) {
      const source = entry.originalSource.replace(/^.*?\[project\]\//, "").replace(/^(\.\.\/)+/, "");
      return `${entry.name ?? callFrame.functionName ?? "(anonymous)"} ${source}:${entry.originalLine + 1}`;
    }
  }
  const where = callFrame.url ? `${callFrame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${callFrame.lineNumber + 1}` : "";
  return `${callFrame.functionName || "(anonymous)"} ${where}`.trim();
}
const self = new Map();
const byPackage = new Map();
// Where code comes from: a package, the app's own server chunks, Node's internals, or V8 (GC, idle).
// Packages bundled into the server chunks count as themselves, through the source maps.
function origin(url, functionName, name) {
  if (!url) return `(${functionName || "native"})`;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url.includes("/.next/") ? name.replaceAll("%40", "@") : url);
  if (pkg) return pkg[1];
  if (url.includes("/.next/")) return "app (.next/server)";
  if (url.startsWith("node:")) return "node internals";
  return url;
}
const intervals = profile.timeDeltas;
let sampledAt = profile.startTime;
profile.samples.forEach((id, index) => {
  sampledAt += intervals[index] ?? 0;
  if (sampledAt < loadWindow.start || sampledAt > loadWindow.end) return;
  const { callFrame } = byId.get(id);
  const name = frameName(byId.get(id));
  self.set(name, (self.get(name) ?? 0) + (intervals[index] ?? 0));
  const onStack = new Set();
  for (let node = id; node !== undefined; node = parentOf.get(node)) onStack.add(frameName(byId.get(node)));
  for (const frame of onStack) inclusive.set(frame, (inclusive.get(frame) ?? 0) + (intervals[index] ?? 0));
  const from = origin(callFrame.url, callFrame.functionName, name);
  byPackage.set(from, (byPackage.get(from) ?? 0) + (intervals[index] ?? 0));
});
const total = [...self.values()].reduce((sum, value) => sum + value, 0);
console.log(`\nTop ${TOP} functions by self time during the measured load (${files.length} profiles in ${profileDir}):`);
for (const [name, time] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}
const named = ([name]) => !/^\((root|program|idle|garbage collector)\)/.test(name) && !name.startsWith("(anonymous) ") && !/^(processTicksAndRejections|runMicrotasks|listOnTimeout|processTimers)\b/.test(name);
console.log(`\nTop ${TOP} named functions by total time (self and callees):`);
for (const [name, time] of [...inclusive.entries()].filter(named).sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}
console.log(`\nSelf time by origin:`);
for (const [name, time] of [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}
process.exit(0);
