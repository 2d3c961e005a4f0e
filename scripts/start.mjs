// `npm start`: configure, migrate, build when needed, then serve the production build.
import nextEnv from "@next/env";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { migrateDatabase } from "../prisma/migrate.mjs";
import { buildIfStale } from "./build-if-stale.mjs";

nextEnv.loadEnvConfig(process.cwd());

if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  appendFileSync(".env.local", `AUTH_SECRET=${process.env.AUTH_SECRET}\n`, { mode: 0o600 });
  console.log("Generated AUTH_SECRET (signs session cookies) into .env.local.");
}
process.env.PORT ||= "3000";
process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT}`;
process.env.NEXT_TELEMETRY_DISABLED ||= "1";

const applied = await migrateDatabase();
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

buildIfStale();

const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", process.env.PORT], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
