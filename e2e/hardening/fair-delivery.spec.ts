import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { accountWithKeys } from "./support/keys";
import { hardeningPort, startProductionServer } from "./support/server";

// A receiver on loopback that answers each delivery after `delayMs`, noting when each event came
// and how many requests it held open at once.
async function receiver(delayMs: number) {
  const arrivals: { type: string; at: number }[] = [];
  let open = 0;
  let mostOpen = 0;
  const server: Server = createServer((request, response) => {
    open++;
    mostOpen = Math.max(mostOpen, open);
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      arrivals.push({ type: JSON.parse(body).type, at: Date.now() });
      setTimeout(() => {
        open--;
        response.writeHead(200).end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    arrivals,
    mostOpen: () => mostOpen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const SLOW_MS = 9_000; // the delivery timeout is 10 s
const BUSY_CALLS = 25;

test("an account whose receiver answers after 9 s does not hold back another account's deliveries", async ({ browser, request }) => {
  const server = await startProductionServer({ port: hardeningPort(7) });
  const slow = await receiver(SLOW_MS);
  const fast = await receiver(0);
  try {
    const a = await accountWithKeys(browser, server.baseURL, { key: {} });
    const b = await accountWithKeys(browser, server.baseURL, { key: {} });
    const as = (key: string) => ({ Authorization: `Bearer ${key}` });
    const api = `${server.baseURL}/api/v1`;

    // Account A: every event of 25 calls goes to the slow receiver, over a hundred deliveries.
    expect((await request.post(`${api}/webhook-endpoints`, { headers: as(a.keys.key), data: { url: slow.url, events: ["*"] } })).status()).toBe(201);
    expect((await request.post(`${api}/webhook-endpoints`, { headers: as(b.keys.key), data: { url: fast.url, events: ["call.queued"] } })).status()).toBe(201);
    for (let i = 0; i < BUSY_CALLS; i++) {
      expect((await request.post(`${api}/calls`, { headers: as(a.keys.key), data: { to: "+14155550123" } })).status()).toBe(201);
    }
    // A's receiver is now busy with A's backlog.
    await expect.poll(() => slow.arrivals.length, { timeout: 15_000 }).toBeGreaterThan(0);

    // Account B's calls, launched after all of A's: their webhooks arrive promptly anyway.
    const launched = Date.now();
    for (let i = 0; i < 3; i++) {
      expect((await request.post(`${api}/calls`, { headers: as(b.keys.key), data: { to: "+14155550123" } })).status()).toBe(201);
    }
    await expect.poll(() => fast.arrivals.filter((arrival) => arrival.type === "call.queued").length, { timeout: 30_000 }).toBe(3);
    const waited = Math.max(...fast.arrivals.map((arrival) => arrival.at)) - launched;
    console.log(`account B's 3 call.queued webhooks arrived ${waited} ms after launch; account A's receiver held at most ${slow.mostOpen()} requests open`);
    // One worker tick is 500 ms; a first-in-first-out queue would have made B wait for A's 9 s answers.
    expect(waited).toBeLessThan(5_000);

    // A is not starved either: its receiver keeps getting deliveries, at most 5 at a time (the per-endpoint cap).
    await expect.poll(() => slow.arrivals.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(10);
    expect(slow.mostOpen()).toBeLessThanOrEqual(5);
  } finally {
    await slow.close();
    await fast.close();
    await server.stop();
  }
});
