import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDatabase } from "./prisma/migrate.mjs";

// Each test file gets its own freshly migrated SQLite database, before lib/db.ts connects.
const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "switchboard-unit-")), "test.db")}`;
process.env.DATABASE_URL = url;
// Webhook signing secrets are encrypted under a key derived from AUTH_SECRET.
process.env.AUTH_SECRET ??= "unit-test-auth-secret";
await migrateDatabase(url);
