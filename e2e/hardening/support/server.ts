import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Each hardening spec runs its own production servers (built by scripts/test-e2e.mjs), so it can
// kill, restart and configure them. Ports come from E2E_HARDENING_PORT upwards.
export function hardeningPort(offset: number): number {
  return Number(process.env.E2E_HARDENING_PORT ?? "3210") + offset;
}

export type ServerOptions = {
  port: number;
  // The app's public URL; defaults to http://localhost:<port>.
  publicUrl?: string;
  env?: Record<string, string>;
};

export type ProductionServer = {
  baseURL: string;
  databaseFile: string;
  logFile: string;
  // Starts (again) on the same database, log file and AUTH_SECRET.
  start(): Promise<void>;
  // kill -9 of the whole process group: no shutdown hooks, no flushes.
  kill(): Promise<void>;
  // SIGTERM, then SIGKILL when it has not exited after 10 s.
  stop(): Promise<void>;
};

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

// Servers run in their own process groups, so they would outlive a crashed test worker.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) signalGroup(child, "SIGKILL");
});

// Signals the process group: `next start` may run the server in child processes.
function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

async function waitForHealth(baseURL: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    const healthy = await fetch(`${baseURL}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server on ${baseURL} did not become healthy. Its log:\n${readFileSync(logFile, "utf8").slice(-4000)}`);
}

// A production server on a fresh, migrated SQLite file in a temporary folder.
export async function startProductionServer({ port, publicUrl, env: extraEnv }: ServerOptions): Promise<ProductionServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-hardening-"));
  const databaseFile = path.join(dir, "hardening.db");
  const logFile = path.join(dir, "server.log");
  const databaseUrl = `file:${databaseFile}`;
  const baseURL = `http://localhost:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: publicUrl ?? baseURL,
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    // Specs sign up many accounts from one address; the sign-up throttle spec sets its own limit.
    SIGN_UP_LIMIT: "100000",
    ...extraEnv,
  };
  let child: ChildProcess | undefined;

  const server: ProductionServer = {
    baseURL,
    databaseFile,
    logFile,
    async start() {
      // Imported, not required: the module has top-level await and Playwright loads specs as CommonJS.
      const { migrateDatabase } = await import("../../../prisma/migrate.mjs");
      await migrateDatabase(databaseUrl);
      const log = openSync(logFile, "a");
      try {
        // The server `npm start` runs (it resolves client addresses), without migrating or building.
        child = spawn(process.execPath, ["scripts/server.mjs"], {
          env,
          stdio: ["ignore", log, log],
          detached: true,
        });
      } finally {
        closeSync(log);
      }
      running.add(child);
      try {
        await waitForHealth(baseURL, child, logFile);
      } catch (error) {
        await server.kill();
        throw error;
      }
    },
    async kill() {
      if (!child) return;
      signalGroup(child, "SIGKILL");
      await exited(child);
      running.delete(child);
      child = undefined;
    },
    async stop() {
      if (!child) return;
      const stopping = child;
      signalGroup(stopping, "SIGTERM");
      const timer = setTimeout(() => signalGroup(stopping, "SIGKILL"), STOP_TIMEOUT_MS);
      await exited(stopping);
      clearTimeout(timer);
      // Whatever the server forked goes with it.
      signalGroup(stopping, "SIGKILL");
      running.delete(stopping);
      child = undefined;
    },
  };
  await server.start();
  return server;
}
