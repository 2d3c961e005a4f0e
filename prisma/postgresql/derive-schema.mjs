import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

// prisma/schema.prisma is the one source; PostgreSQL gets the same models with another provider
// and client output. Written next to its migrations so Prisma's own CLI can use the pair.
export function postgresSchema(source = readFileSync(path.join(here, "../schema.prisma"), "utf8")) {
  return (
    "// Generated from prisma/schema.prisma by prisma/postgresql/derive-schema.mjs. Edit that file instead.\n\n" +
    source
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('output   = "../lib/generated/prisma"', 'output   = "../../lib/generated/postgresql"')
  );
}

export function writePostgresSchema() {
  const file = path.join(here, "schema.prisma");
  writeFileSync(file, postgresSchema());
  return path.relative(process.cwd(), file);
}
