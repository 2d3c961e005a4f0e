import { defineConfig } from "@playwright/test";
import baseConfig, { reportsFor } from "./playwright.config";

// Crash safety, secrets at rest, web security and concurrency on real production servers that
// each spec starts, kills and restarts itself (e2e/hardening/support/server.ts), one at a time.
// Run with `npm run test:hardening`.
export default defineConfig({
  ...baseConfig,
  ...reportsFor(process.env.E2E_REPORT_NAME ?? "hardening"),
  // Its servers and databases are its own: no deployment accounts to delete.
  globalTeardown: undefined,
  testDir: "e2e/hardening",
  testIgnore: [],
  fullyParallel: false,
  workers: 1,
  timeout: 180_000,
  // Servers here hash passwords and run browsers side by side; a busy CI machine needs longer than 10 s.
  expect: { timeout: 30_000 },
  // Each spec starts its own servers; nothing points at a shared one.
  use: { ...baseConfig.use, baseURL: undefined },
  webServer: undefined,
});
