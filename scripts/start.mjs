// `npm start`: configure, validate, migrate, build when needed, then serve the production build
// through scripts/server.mjs (which resolves each request's client address; see there).
import nextEnv from "@next/env";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import v8 from "node:v8";
import { migrateDatabase } from "../prisma/migrate.mjs";
import { buildIfStale } from "./build-if-stale.mjs";
import { serve, validatedEnv } from "./server.mjs";

// Peak memory: V8 lets its heap grow to several times what the last full collection kept before
// collecting again. The server keeps ~85–110 MB of JavaScript alive (mostly Next.js's and Prisma's
// code and sources), while its memory outside the V8 heap (node itself, malloc, libraries) stays
// near 150 MB; what grew under sustained load was the heap's uncollected garbage
// (bench/profiles/README.md). Growing by at most 30% between full collections bounds it; the cost
// is more frequent (concurrent, incremental) marking. V8 reads this flag whenever it sets the next
// limit, so setting it here, before Next.js loads, takes effect; one given on the command line wins.
if (!process.execArgv.some((flag) => flag.startsWith("--heap-growing-percent"))) v8.setFlagsFromString("--heap-growing-percent=30");

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
