// `node bench/profile.mjs [seconds]`: where POST /api/v1/calls spends its CPU. Starts the production
// server (as `npm start` does, on a fresh SQLite database, or on BENCH_POSTGRES_URL's server with
// BENCH_ENGINES=postgresql) (`next start` directly, under node --cpu-prof), drives POST /calls with autocannon, stops the
// server so it writes the profile, and prints the functions with the most self time.
import { mkdtempSync, openSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "../prisma/migrate.mjs";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { launchBrowser, signUpWithKey } from "./browser.mjs";
import { postgresDatabase, sqliteDatabase } from "./databases.mjs";
import { load, summarize } from "./load.mjs";
import { startServer } from "./server.mjs";

const SECONDS = Number(process.argv[2] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const TOP = 25;

process.env.NEXT_TELEMETRY_DISABLED = "1";
buildIfStale();
const database = process.env.BENCH_ENGINES === "postgresql" ? await postgresDatabase() : sqliteDatabase();
await migrateDatabase(database.url);
const profileDir = mkdtempSync(path.join(tmpdir(), "switchboard-profile-"));
// --trace-gc shows how big V8's heap gets next to the process's resident memory.
const gcLog = path.join(profileDir, "gc.log");
const server = await startServer({
  port: PORT,
  databaseUrl: database.url,
  nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--trace-gc"],
  stdout: openSync(gcLog, "w"),
});
let profile;
try {
  const browser = await launchBrowser();
  const { key } = await signUpWithKey(browser, server.base).finally(() => browser.close());
  const options = {
    url: `${server.base}/api/v1/calls`,
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ to: "+14155550123" }),
  };
  await load({ ...options, duration: 3 });
  const row = summarize("POST /api/v1/calls", await load({ ...options, duration: SECONDS }));
  console.log(`${row.requests_per_second} req/s, p50 ${row.p50_ms} ms, p99 ${row.p99_ms} ms, peak RSS ${Math.round(server.memory.peakProcessKb / 1024)} MB`);
} finally {
  await server.stop();
  await database.drop();
}

const files = readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile")).map((name) => path.join(profileDir, name));
const heapAfterGc = [...readFileSync(gcLog, "utf8").matchAll(/-> ([\d.]+) \(([\d.]+)\) MB/g)].map((match) => [Number(match[1]), Number(match[2])]);
if (heapAfterGc.length) {
  console.log(`V8 heap after GC: up to ${Math.max(...heapAfterGc.map(([used]) => used))} MB used of ${Math.max(...heapAfterGc.map(([, committed]) => committed))} MB committed (${heapAfterGc.length} GCs; log ${gcLog})`);
}
profile = files.map((file) => JSON.parse(readFileSync(file, "utf8"))).sort((a, b) => b.samples.length - a.samples.length)[0];

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const byPackage = new Map();
// Where code comes from: a package, the app's own server chunks, Node's internals, or V8 (GC, idle).
function origin(url, functionName) {
  if (!url) return `(${functionName || "native"})`;
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes("/.next/")) return "app (.next/server)";
  if (url.startsWith("node:")) return "node internals";
  return url;
}
const intervals = profile.timeDeltas;
profile.samples.forEach((id, index) => {
  const { callFrame } = byId.get(id);
  const where = callFrame.url ? `${callFrame.url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${callFrame.lineNumber + 1}` : "";
  const name = `${callFrame.functionName || "(anonymous)"} ${where}`.trim();
  self.set(name, (self.get(name) ?? 0) + (intervals[index] ?? 0));
  const from = origin(callFrame.url, callFrame.functionName);
  byPackage.set(from, (byPackage.get(from) ?? 0) + (intervals[index] ?? 0));
});
const total = [...self.values()].reduce((sum, value) => sum + value, 0);
console.log(`\nTop ${TOP} functions by self time (${files.length} profiles in ${profileDir}):`);
for (const [name, time] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}
console.log(`\nSelf time by origin:`);
for (const [name, time] of [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${name}`);
}
process.exit(0);
