// Generates the Prisma client (postinstall). Generation needs no schema engine, but Prisma 7's
// CLI insists on locating one and would try to download it; pointing it at any existing file
// (the node binary) satisfies that check offline without changing what is generated.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
