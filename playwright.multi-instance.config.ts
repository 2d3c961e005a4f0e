import { defineConfig } from "@playwright/test";
import { randomBytes } from "node:crypto";
import baseConfig, { reportsFor } from "./playwright.config";

// Two production servers on one PostgreSQL database, as behind a load balancer.
// Run with `npm run test:multi-instance` (needs E2E_POSTGRES_SERVER).
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) throw new Error("The multi-instance tests need E2E_POSTGRES_SERVER (a PostgreSQL server).");

export const INSTANCE_PORTS = ["3111", "3112"];
process.env.MULTI_INSTANCE_SECRET ||= randomBytes(32).toString("base64url");

export default defineConfig({
  ...baseConfig,
  ...reportsFor(process.env.E2E_REPORT_NAME ?? "multi-instance"),
  // Its servers and databases are its own: no deployment accounts to delete.
  globalTeardown: undefined,
  testDir: "e2e/multi-instance",
  testIgnore: [],
  workers: 1,
  use: { ...baseConfig.use, baseURL: `http://localhost:${INSTANCE_PORTS[0]}` },
  webServer: INSTANCE_PORTS.map((port) => ({
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe" as const,
    env: {
      PORT: port,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.MULTI_INSTANCE_SECRET!,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    },
  })),
});
