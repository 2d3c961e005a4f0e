import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { readFileSync } from "node:fs";
import { newAccount, signUp } from "../support/accounts";
import { report } from "./support/report";
import { clearOfSignInWindowEdge } from "./support/sign-in-window";
import { hardeningPort, startProductionServer, type ProductionServer } from "./support/server";

// Which address a request is counted under, on servers started as `npm start` starts them
// (scripts/server.mjs in front of Next.js): served directly, the socket's peer, whatever
// X-Forwarded-For says; behind a proxy named in TRUSTED_PROXIES, the address that proxy saw.

const UNKNOWN_KEY = "sb_live_000000000000000000000000000000000000"; // malformed: no database lookup
// Failure windows are minutes aligned to the clock; with 10 allowed, 40 attempts overflow one of
// them however the minutes fall on a slow machine.
const AUTH_FAILURE_LIMIT = "10";
const THROTTLED = /^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/;

async function failedAuthentication(request: APIRequestContext, server: ProductionServer, forwardedFor?: string): Promise<APIResponse> {
  return request.get(`${server.baseURL}/api/v1/me`, {
    headers: { Authorization: `Bearer ${UNKNOWN_KEY}`, ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}) },
  });
}

// Sends failed authentications until one is refused with 429; the statuses seen.
async function untilThrottled(request: APIRequestContext, server: ProductionServer, forwardedFor: (attempt: number) => string, attempts = 40) {
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= attempts && !statuses.includes(429); attempt++) {
    statuses.push((await failedAuthentication(request, server, forwardedFor(attempt))).status());
  }
  return statuses;
}

// The request log's records, parsed from the server's output.
function requestLog(server: ProductionServer): Record<string, unknown>[] {
  return readFileSync(server.logFile, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.msg === "api request");
}

test("served directly, a rotating X-Forwarded-For does not escape the failed-auth throttle", async ({ request }) => {
  const server = await startProductionServer({ port: hardeningPort(5), env: { AUTH_FAILURE_LIMIT } });
  try {
    // Each of up to 40 failures claims another address; the throttle counts them as one.
    const statuses = await untilThrottled(request, server, (attempt) => `203.0.113.${attempt}`);
    expect(statuses.at(-1), `statuses: ${statuses.join(",")}`).toBe(429);
    expect((await failedAuthentication(request, server, "198.51.100.77")).status()).toBe(429);
    const addresses = new Set(requestLog(server).filter((record) => record.route === "/api/v1/me").map((record) => record.clientAddress));
    expect([...addresses].every((address) => address === "127.0.0.1" || address === "::1"), [...addresses].join(",")).toBe(true);
    report("served directly", `failed-auth 429 after ${statuses.length} requests, each with another X-Forwarded-For`);
  } finally {
    await server.stop();
  }
});

test("served directly, a rotating X-Forwarded-For does not escape the sign-in throttle", async ({ browser }) => {
  // 50 password checks (scrypt) and a browser sign-up: slow on a busy machine.
  test.slow();
  const server = await startProductionServer({ port: hardeningPort(5) });
  try {
    // 50 failures across emails from one address, each claiming another; then even the right
    // password is refused from that address.
    const page = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
    const account = await signUp(page, newAccount("Grace Hopper"));
    await clearOfSignInWindowEdge();
    const sprayer = await browser.newContext({ baseURL: server.baseURL });
    const { csrfToken } = await (await sprayer.request.get("/api/auth/csrf")).json();
    for (let attempt = 1; attempt <= 50; attempt++) {
      const response = await sprayer.request.post("/api/auth/callback/credentials", {
        headers: { "X-Forwarded-For": `10.0.${attempt}.1` },
        form: { csrfToken, email: `spray-${attempt}@example.com`, password: "guess guess guess", json: "true" },
      });
      expect(new URL((await response.json()).url).searchParams.get("error"), `attempt ${attempt}`).toBe("CredentialsSignin");
    }
    // From the same connection (a browser may reach localhost over ::1 instead of 127.0.0.1,
    // which is another address), claiming yet another one.
    const owner = await sprayer.request.post("/api/auth/callback/credentials", {
      headers: { "X-Forwarded-For": "198.51.100.8" },
      form: { csrfToken, email: account.email, password: account.password, json: "true" },
    });
    expect(new URL((await owner.json()).url).searchParams.get("error")).toMatch(THROTTLED);
    report("served directly", "sign-in refused after 50 failures, each with another X-Forwarded-For");
  } finally {
    await server.stop();
  }
});

test("behind a trusted proxy, each forwarded address (an IPv6 client's /64) has its own failed-auth budget", async ({ request }) => {
  const server = await startProductionServer({ port: hardeningPort(6), env: { AUTH_FAILURE_LIMIT, TRUSTED_PROXIES: "127.0.0.1,::1" } });
  try {
    const first = await untilThrottled(request, server, () => "198.51.100.10");
    expect(first.at(-1), `statuses: ${first.join(",")}`).toBe(429);
    expect(first.slice(0, -1).every((status) => status === 401)).toBe(true);
    // Another client behind the same proxy still has its whole budget...
    expect((await failedAuthentication(request, server, "198.51.100.11")).status()).toBe(401);
    // ...and a client claiming an address in front of the throttled one's gains nothing.
    expect((await failedAuthentication(request, server, "203.0.113.5, 198.51.100.10")).status()).toBe(429);

    const ipv6 = await untilThrottled(request, server, (attempt) => `2001:db8:1:2::${attempt.toString(16)}`);
    expect(ipv6.at(-1), `statuses: ${ipv6.join(",")}`).toBe(429);
    expect((await failedAuthentication(request, server, "2001:db8:1:2:ffff:ffff:ffff:ffff")).status()).toBe(429);
    expect((await failedAuthentication(request, server, "2001:db8:1:3::1")).status()).toBe(401);

    const logged = requestLog(server).map((record) => record.clientAddress);
    expect(logged).toContain("198.51.100.10");
    expect(logged).toContain("198.51.100.11");
    expect(logged).toContain("2001:db8:1:3::1");
    report("trusted proxy", `429 after ${first.length} failures from one forwarded address; a second address and another /64 still answered 401`);
  } finally {
    await server.stop();
  }
});
