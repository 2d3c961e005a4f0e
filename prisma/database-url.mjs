import { mkdirSync } from "node:fs";
import path from "node:path";

import { DEFAULT_DATABASE_URL } from "../lib/env-schema.mjs";

// The embedded default (a SQLite file in the git-ignored data/ folder) is declared with the rest
// of the configuration.
export { DEFAULT_DATABASE_URL };

export function databaseUrl(env = process.env) {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

// better-sqlite3 takes a path; "file:" URLs are resolved against the working directory.
export function sqlitePath(url) {
  const file = url.replace(/^file:/, "");
  if (file === ":memory:") return file;
  const resolved = path.resolve(file);
  mkdirSync(path.dirname(resolved), { recursive: true });
  return resolved;
}
