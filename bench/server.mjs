// Starts the production server the way `npm start` does (scripts/start.mjs) and watches the
// memory of its processes.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

// Shared by every instance of one engine's run, as a real deployment would share it.
const AUTH_SECRET = randomBytes(32).toString("base64url");

function children(pid) {
  const found = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may contain spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) found.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

function processTree(pid) {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...children(tree[i]));
  return tree;
}

// CPU time (user + system) a process has used, in ms: fields 14 and 15 of /proc/<pid>/stat, in
// clock ticks (USER_HZ, 100 on Linux).
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

// CPU time of every running process whose command name is `name` (e.g. "postgres": the server
// and each connection's backend), in ms. Only processes on this machine are seen.
export function cpuMsOfCommand(name) {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === name) total += cpuMs(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

function statusKb(pid, field) {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

// Where a process's resident memory is, from /proc/<pid>/smaps: the V8 heap and native allocations
// are anonymous memory (malloc's [heap] and anonymous mappings), code and mapped files are not.
export function memoryBreakdown(pid) {
  const kb = {};
  let mapping = "";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1];
      mapping = !name ? "anonymous" : name.startsWith("[") ? name : name.endsWith(".node") || name.includes(".so") ? "native libraries (.so, .node)" : name.includes("/node") && !name.includes("node_modules") ? "node binary" : "other files";
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kb[mapping] = (kb[mapping] ?? 0) + Number(rss[1]);
  }
  return kb;
}

// nodeArgs (e.g. --cpu-prof, which NODE_OPTIONS may not carry) go on the node command line in
// front of scripts/start.mjs.
export async function startServer({ port, databaseUrl, env = {}, stdout = "ignore", nodeArgs = [] }) {
  const base = `http://localhost:${port}`;
  const args = [...nodeArgs, "scripts/start.mjs"];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      NEXTAUTH_URL: base,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The benchmark measures verification, not the limiter refusing it.
      RATE_LIMIT_REQUESTS: "1000000000",
    },
    stdio: ["ignore", stdout, "inherit"],
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));

  // Peak resident memory: of the largest process (the one serving requests; VmHWM is the kernel's
  // own high-water mark) and of the whole tree (sampled, so a short spike can slip between samples).
  const memory = { peakProcessKb: 0, peakTreeKb: 0 };
  const sample = () => {
    if (child.exitCode !== null) return;
    let tree = 0;
    for (const pid of processTree(child.pid)) {
      tree += statusKb(pid, "VmRSS");
      memory.peakProcessKb = Math.max(memory.peakProcessKb, statusKb(pid, "VmHWM"));
    }
    memory.peakTreeKb = Math.max(memory.peakTreeKb, tree);
  };
  const timer = setInterval(sample, 250);

  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || i > 240) throw new Error(`The server on port ${port} did not start.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    base,
    pid: child.pid,
    memory,
    // CPU used so far by start.mjs and the server it runs, in ms.
    cpuMs: () => processTree(child.pid).reduce((sum, pid) => sum + cpuMs(pid), 0),
    kill: () => child.kill(),
    async stop() {
      sample();
      clearInterval(timer);
      if (child.exitCode === null) child.kill("SIGTERM");
      const timeout = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
