// Generates the Prisma clients (postinstall): one for SQLite from prisma/schema.prisma and one
// for PostgreSQL from a schema derived from it (Prisma clients are provider-specific; lib/db.ts
// picks one by DATABASE_URL). Generation needs no schema engine, but Prisma 7's CLI insists on
// locating one and would try to download it; pointing it at any existing file (the node binary)
// satisfies that check offline without changing what is generated.
import { spawnSync } from "node:child_process";
import { writePostgresSchema } from "../prisma/postgresql/derive-schema.mjs";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };
for (const schema of ["prisma/schema.prisma", writePostgresSchema()]) {
  const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schema], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
