import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findChromium } from "./scripts/find-chromium.mjs";

// E2E_BASE_URL runs the flows against a deployment; otherwise a production server is
// started on a fresh database. One origin everywhere: next-auth cookies are per host.
const externalBaseUrl = process.env.E2E_BASE_URL;
const port = process.env.E2E_PORT ?? "3100";
const baseURL = externalBaseUrl ?? `http://localhost:${port}`;
const chromiumPath = findChromium() ?? undefined;

// Set once in the main process; Playwright's workers inherit it instead of making their own.
process.env.E2E_DATABASE_URL ||= `file:${path.join(mkdtempSync(path.join(tmpdir(), "switchboard-e2e-")), "e2e.db")}`;

export default defineConfig({
  testDir: "e2e",
  // Need two servers on PostgreSQL (`npm run test:multi-instance`) or servers of their own
  // (`npm run test:hardening`).
  testIgnore: ["multi-instance/**", "hardening/**"],
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
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
          // Every flow signs up its own accounts, all from this machine's one address.
          SIGN_UP_LIMIT: "100000",
        },
      },
});
