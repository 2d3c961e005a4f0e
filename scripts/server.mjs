// The HTTP server in front of Next.js's request handler, used by `npm start`, `npm run dev`, the
// Playwright configs, the hardening suite and the bench. It exists for one job Next.js cannot do:
// route handlers never see the socket, and Next's own server fills X-Forwarded-For only when the
// client left it out, so without this every per-address control trusted what the client wrote.
// Here the socket's peer and TRUSTED_PROXIES decide the client's address; it travels to the app in
// a header of ours that is always overwritten, and X-Forwarded-For is rewritten to match.
import nextEnv from "@next/env";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SERVER, resolveClientAddress } from "../lib/client-address/resolve.mjs";
import { ConfigurationError, parseEnv } from "../lib/env-schema.mjs";

// Exits with the schema's message (which names each variable and what it expects) on bad config.
export function validatedEnv() {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export async function serve({ dev = false } = {}) {
  const config = validatedEnv();
  // As `next start` / `next dev` would set it; Next.js reads it when it loads.
  process.env.NODE_ENV ||= dev ? "development" : "production";
  const { default: next } = await import("next");
  const app = next({ dev, hostname: "localhost", port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  globalThis[CLIENT_ADDRESS_SERVER] = true;

  const server = createServer((request, response) => {
    const address = resolveClientAddress({
      remoteAddress: request.socket.remoteAddress,
      forwardedFor: request.headers["x-forwarded-for"],
      trusted: config.TRUSTED_PROXIES,
    });
    if (address) {
      request.headers[CLIENT_ADDRESS_HEADER] = address;
      request.headers["x-forwarded-for"] = address;
    } else {
      delete request.headers[CLIENT_ADDRESS_HEADER];
      delete request.headers["x-forwarded-for"];
    }
    delete request.headers["x-real-ip"];
    handle(request, response);
  });
  // Idle keep-alive sockets outlive a load balancer's idle timeout (60 s on common ones), so the
  // balancer, not this server, closes them. Node advertises whole seconds (`Keep-Alive: timeout=65`)
  // and Node clients (Playwright's among them) drop an idle socket at that hint; the extra 900 ms
  // lets them close first instead of racing this server's close, which surfaced as ECONNRESET.
  server.keepAliveTimeout = 65_900;
  // A dev server also takes WebSocket upgrades (hot reload).
  if (dev) server.on("upgrade", app.getUpgradeHandler());
  await new Promise((resolve, reject) => server.once("error", reject).listen(config.PORT, () => resolve(undefined)));
  console.log(`Switchboard listening on http://localhost:${config.PORT} (${dev ? "development" : "production"})`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => runShutdownHooks().finally(() => process.exit(0)));
  return server;
}

// Work the app registered to finish before the process ends (the usage flush writes what it holds
// in memory), given a few seconds at most so a stuck database never keeps a stopping server alive.
const SHUTDOWN_HOOKS = Symbol.for("switchboard.shutdownHooks");
async function runShutdownHooks() {
  /** @type {(() => Promise<unknown>)[]} */
  const hooks = globalThis[SHUTDOWN_HOOKS] ?? [];
  const settled = Promise.allSettled(hooks.map((hook) => hook()));
  await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
}

// `node scripts/server.mjs [--dev]` serves an already migrated database and built app.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  nextEnv.loadEnvConfig(process.cwd(), process.argv.includes("--dev"));
  await serve({ dev: process.argv.includes("--dev") });
}
