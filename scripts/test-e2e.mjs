// `npm run test:e2e [playwright args]`: the Playwright flows against a production build on a
// fresh database, or against a running deployment when E2E_BASE_URL is set. The fresh database
// is SQLite, or a new PostgreSQL database when E2E_POSTGRES_SERVER names a server
// (postgresql://user:password@host:port/postgres, a role that may create databases).
import { spawnSync } from "node:child_process";
import { buildIfStale } from "./build-if-stale.mjs";
import { ensureChromium } from "./find-chromium.mjs";
import { freshPostgresDatabase } from "./fresh-postgres-database.mjs";

process.env.NEXT_TELEMETRY_DISABLED ||= "1";
const chromium = ensureChromium();
if (chromium) console.log(`Browser tests use ${chromium}.`);
if (!process.env.E2E_BASE_URL) buildIfStale();
if (process.env.E2E_POSTGRES_SERVER && !process.env.E2E_DATABASE_URL) {
  process.env.E2E_DATABASE_URL = await freshPostgresDatabase(process.env.E2E_POSTGRES_SERVER, "switchboard_e2e");
  console.log(`Browser and API tests run on PostgreSQL database ${new URL(process.env.E2E_DATABASE_URL).pathname.slice(1)}.`);
}

const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
});
process.exit(result.status ?? 1);
