import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this directory
    }
  }
  return null;
}

// A system Chromium, when there is one: Playwright's own browser download is not reachable everywhere.
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  return null;
}

function run(command, args, env = {}) {
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

// Returns a Chromium path, or null when Playwright's own browser should be used.
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.platform === "linux" && process.getuid?.() === 0 && onPath("apt-get")) {
    console.log("No Chromium found for the browser tests: installing Debian's chromium package with apt-get…");
    const env = { DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update", "-q"], env) && run("apt-get", ["install", "-y", "-q", "chromium"], env)) {
      const installed = findChromium();
      if (installed) return installed;
    }
    console.log("apt-get could not install chromium.");
  }
  console.log("Downloading Playwright's own Chromium (playwright install chromium)…");
  if (!run(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "" })) {
    console.error("Could not get a browser. Install Chromium and set CHROMIUM_PATH to it.");
    process.exit(1);
  }
  return null;
}
