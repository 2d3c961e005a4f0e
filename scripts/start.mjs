// `npm start`: configure, validate, migrate, build when needed, then serve the production build
// through scripts/server.mjs (which resolves each request's client address; see there).
import nextEnv from "@next/env";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { migrateDatabase } from "../prisma/migrate.mjs";
import { buildIfStale } from "./build-if-stale.mjs";
import { serve, validatedEnv } from "./server.mjs";

nextEnv.loadEnvConfig(process.cwd());

if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  appendFileSync(".env.local", `AUTH_SECRET=${process.env.AUTH_SECRET}\n`, { mode: 0o600 });
  console.log("Generated AUTH_SECRET (signs session cookies) into .env.local.");
}
process.env.NEXT_TELEMETRY_DISABLED ||= "1";

// Before anything is migrated or built: a bad value stops here, naming the variable.
const config = validatedEnv();
process.env.NEXTAUTH_URL ||= `http://localhost:${config.PORT}`;

const applied = await migrateDatabase(config.DATABASE_URL);
if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

buildIfStale();

await serve();
