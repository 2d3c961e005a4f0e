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
  // These servers share the machine with the specs' own load (scrypt sign-ups, bursts of
  // deliveries); a sign-up may take longer than the browser suite's 10 s.
  expect: { ...baseConfig.expect, timeout: 30_000 },
  // Each spec starts its own servers; nothing points at a shared one.
  use: { ...baseConfig.use, baseURL: undefined },
  webServer: undefined,
});
