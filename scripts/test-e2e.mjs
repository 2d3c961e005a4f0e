// `npm run test:e2e [playwright args]`: the Playwright flows against a production build on a
// fresh database, or against a running deployment when E2E_BASE_URL is set.
import { spawnSync } from "node:child_process";
import { buildIfStale } from "./build-if-stale.mjs";
import { ensureChromium } from "./find-chromium.mjs";

process.env.NEXT_TELEMETRY_DISABLED ||= "1";
const chromium = ensureChromium();
if (chromium) console.log(`Browser tests use ${chromium}.`);
if (!process.env.E2E_BASE_URL) buildIfStale();

const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, ...(chromium ? { CHROMIUM_PATH: chromium } : {}) },
});
process.exit(result.status ?? 1);
