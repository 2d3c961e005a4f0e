import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.mjs", "proxy.ts", "instrumentation.ts", "package-lock.json", "postcss.config.mjs"];
const BUILD_MARKER = ".next/BUILD_ID";

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestChange(path.join(entry, child))), stats.mtimeMs);
}

// A production build is reused until a source file is newer than it.
export function buildIfStale({ force = false } = {}) {
  const builtAt = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
  if (!force && builtAt > Math.max(...SOURCES.map(newestChange))) return;
  console.log(builtAt ? "Sources changed since the last build: building…" : "No production build yet: building…");
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
