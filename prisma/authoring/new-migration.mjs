// `npm run db:new-migration -- <name>`: after editing prisma/schema.prisma (before committing it),
// writes prisma/migrations/<timestamp>_<name>/migration.sql for SQLite (the SQL that takes the
// existing migrations to the schema) and prisma/postgresql/migrations/<same>/migration.sql for
// PostgreSQL (the SQL from the committed schema to the edited one).
//
// Prisma 7's `migrate dev` needs a native engine these machines cannot download; Prisma 6.19's CLI
// (installed here on first use, in its own folder so it does not shadow Prisma 7) computes the
// same diff with its WebAssembly engine. On a machine with internet access, `prisma migrate dev`
// does the same job.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresSchema } from "../postgresql/derive-schema.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(1);
}

if (!existsSync(path.join(here, "node_modules/prisma"))) {
  console.log("Installing Prisma 6.19 for migration authoring (once)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: here, stdio: "inherit" });
}

// Prisma 6 wants the old generator name, engineType "client" and a url in the datasource.
function prisma6Schema(source, provider, url) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "switchboard-migration-")), "schema.prisma");
  writeFileSync(
    file,
    source
      .replace(/generator client \{[^}]*\}/, 'generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}')
      .replace(new RegExp(`(datasource db \\{[^}]*provider\\s*=\\s*"${provider}")`), `$1\n  url = "${url}"`),
  );
  return file;
}

function diff(from, to) {
  const result = spawnSync(
    process.execPath,
    [path.join(here, "node_modules/prisma/build/index.js"), "migrate", "diff", "--config", path.join(here, "prisma.config.mjs"), ...from, "--to-schema-datamodel", to, "--script"],
    { cwd: here, encoding: "utf8", // Prisma 6 otherwise tries to download a query engine it does not use for `migrate diff`.
    env: { PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1", ...process.env, PRISMA6_SCHEMA: to } },
  );
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  return /^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA)/m.test(result.stdout) ? result.stdout : null;
}

const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
const sqlite = diff(["--from-migrations", path.join(root, "prisma/migrations")], prisma6Schema(source, "sqlite", "file::memory:"));
if (!sqlite) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}

const pgMigrations = path.join(root, "prisma/postgresql/migrations");
const pgUrl = "postgresql://localhost/unused";
const committed = spawnSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" });
const pgFrom = existsSync(pgMigrations) && readdirSync(pgMigrations).some((entry) => /^\d/.test(entry))
  ? ["--from-schema-datamodel", prisma6Schema(postgresSchema(committed.stdout), "postgresql", pgUrl)]
  : ["--from-empty"];
const postgres = diff(pgFrom, prisma6Schema(postgresSchema(source), "postgresql", pgUrl));

const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${name}`;
for (const [dir, sql] of [[path.join(root, "prisma/migrations"), sqlite], [pgMigrations, postgres]]) {
  if (!sql) continue;
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(root, path.join(dir, folder))}/migration.sql`);
}
