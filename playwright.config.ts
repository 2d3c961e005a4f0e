import { defineConfig, devices, type ReporterDescription } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { secretScanningPublicKeysFile } from "./e2e/support/secret-scanning";
import { findChromium } from "./scripts/find-chromium.mjs";

// E2E_BASE_URL runs the flows against a deployment; otherwise a production server is
// started on a fresh database. One origin everywhere: next-auth cookies are per host.
const externalBaseUrl = process.env.E2E_BASE_URL;
const port = process.env.E2E_PORT ?? "3100";
const baseURL = externalBaseUrl ?? `http://localhost:${port}`;
const chromiumPath = findChromium() ?? undefined;

// Set once in the main process; Playwright's workers inherit it instead of making their own.
process.env.E2E_DATABASE_URL ||= `file:${path.join(mkdtempSync(path.join(tmpdir(), "switchboard-e2e-")), "e2e.db")}`;
// Against a deployment, every account the flows sign up is listed here and deleted at the end
// (e2e/support/delete-test-accounts.ts), so a run leaves no account behind.
if (externalBaseUrl) process.env.E2E_ACCOUNT_LEDGER ||= path.join(mkdtempSync(path.join(tmpdir(), "switchboard-e2e-accounts-")), "accounts.jsonl");

const mainProcess = !process.env.TEST_WORKER_INDEX;
if (mainProcess && externalBaseUrl && !process.env.E2E_WEBHOOK_RECEIVER_URL) {
  console.log(
    "No E2E_WEBHOOK_RECEIVER_URL: the webhook flows that need deliveries are skipped (listed as skipped).\n" +
      "To run them, start `node scripts/webhook-receiver.cjs` behind an https tunnel and set E2E_WEBHOOK_RECEIVER_URL and E2E_WEBHOOK_RECEIVER_TOKEN.",
  );
}

// HTML report, traces and screenshots of failures, in playwright-report/<suite> and
// test-results/<suite> (git-ignored). One folder per suite: Playwright empties its folders at the
// start of a run, so suites run one after another (CI) keep each other's reports.
export function reportsFor(suite = process.env.E2E_REPORT_NAME ?? "e2e") {
  return {
    outputDir: path.join("test-results", suite),
    reporter: [["list"], ["html", { open: "never", outputFolder: path.join("playwright-report", suite) }]] satisfies ReporterDescription[],
  };
}

export default defineConfig({
  testDir: "e2e",
  // Need two servers on PostgreSQL (`npm run test:multi-instance`) or servers of their own
  // (`npm run test:hardening`).
  testIgnore: ["multi-instance/**", "hardening/**"],
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A deployment far away (or a loaded machine) may need more: E2E_TIMEOUT_MS scales both. A whole
  // flow through the production build takes 10–30 s with two workers on two cores, so a test gets
  // twice the unit; an expectation a third of it.
  timeout: 2 * Number(process.env.E2E_TIMEOUT_MS ?? 30_000),
  expect: { timeout: Number(process.env.E2E_TIMEOUT_MS ?? 30_000) / 3 },
  ...reportsFor(),
  globalTeardown: "./e2e/support/delete-test-accounts.ts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      // Root in a container, no network: no sandbox, no GPU, nothing that phones home.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // Every flow, once, on a desktop screen.
    { name: "chromium", use: { ...devices["Desktop Chrome"] } },
    // The main flows again on a small phone (tagged @phone): touch, a mobile viewport meta honoured,
    // 390 × 700 CSS pixels, where dialogs must fit and tables scroll inside their own box.
    // `npm run test:e2e -- --project phone` runs only these.
    {
      name: "phone",
      grep: /@phone/,
      use: { ...devices["Pixel 7"], viewport: { width: 390, height: 700 }, screen: { width: 390, height: 700 } },
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `${baseURL}/api/v1/health`,
        reuseExistingServer: false,
        timeout: 180_000,
        stdout: "pipe",
        env: {
          PORT: port,
          DATABASE_URL: process.env.E2E_DATABASE_URL,
          AUTH_SECRET: randomBytes(32).toString("base64url"),
          NEXTAUTH_URL: baseURL,
          NEXT_TELEMETRY_DISABLED: "1",
          // The flows run a webhook receiver on loopback.
          WEBHOOK_ALLOW_PRIVATE_URLS: "true",
          // The API tests play a reverse proxy on loopback: their X-Forwarded-For names the client,
          // so per-address throttles of one test stay away from the others. The hardening suite
          // checks a server that trusts no proxy (e2e/hardening/client-address.spec.ts).
          TRUSTED_PROXIES: "127.0.0.1,::1",
          // Every flow signs up its own accounts, all from this machine's one address.
          SIGN_UP_LIMIT: "100000",
          // GitHub secret-scanning reports are signed by a key pair the run generates.
          SECRET_SCANNING_PUBLIC_KEYS: secretScanningPublicKeysFile(),
          // One JSON line per API request would bury the test report; warnings and errors still show.
          LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
        },
      },
});
