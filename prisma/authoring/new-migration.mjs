// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the database from the existing migrations to prisma/schema.prisma.
//
// Prisma 7's `migrate dev` needs a native engine these machines cannot download; Prisma 6.19's CLI
// (installed here on first use, in its own folder so it does not shadow Prisma 7) computes the
// same diff with its WebAssembly engine. On a machine with internet access, `prisma migrate dev`
// does the same job.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
const schema = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")
  .replace(/generator client \{[^}]*\}/, 'generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}')
  .replace(/(datasource db \{[^}]*provider\s*=\s*"sqlite")/, '$1\n  url = "file::memory:"');
const schemaPath = path.join(mkdtempSync(path.join(tmpdir(), "switchboard-migration-")), "schema.prisma");
writeFileSync(schemaPath, schema);

const diff = spawnSync(
  process.execPath,
  [
    path.join(here, "node_modules/prisma/build/index.js"),
    "migrate", "diff",
    "--config", path.join(here, "prisma.config.mjs"),
    "--from-migrations", path.join(root, "prisma/migrations"),
    "--to-schema-datamodel", schemaPath,
    "--script",
  ],
  { cwd: here, encoding: "utf8", env: { ...process.env, PRISMA6_SCHEMA: schemaPath } },
);
if (diff.status !== 0) {
  console.error(diff.stdout, diff.stderr);
  process.exit(1);
}
if (!/^\s*(CREATE|ALTER|DROP|INSERT|PRAGMA)/m.test(diff.stdout)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir);
writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql`);
