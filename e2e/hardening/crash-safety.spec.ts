import { expect, test } from "@playwright/test";
import { signUp } from "../support/accounts";
import { closeWithoutCopying, generateKey, openIntegrationSettings } from "../support/api-keys";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { queryDatabase } from "./support/database";
import { report } from "./support/report";
import { hardeningPort, startProductionServer } from "./support/server";

const IN_FLIGHT = 10;
const LOAD_MS = 2_000;

type Load = { acknowledged: string[]; refused: number[]; cutOff: number };

// IN_FLIGHT clients each launching calls back to back until the server goes away under them.
async function launchCallsUntilCutOff(baseURL: string, key: string, stopAfterMs: number, kill: () => Promise<void>): Promise<Load> {
  const load: Load = { acknowledged: [], refused: [], cutOff: 0 };
  let killed = false;
  const client = async (client: number) => {
    for (let n = 0; ; n++) {
      try {
        const response = await fetch(`${baseURL}/api/v1/calls`, {
          method: "POST",
          headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
          body: JSON.stringify({ to: `+1415555${String(1000 + ((client * 997 + n) % 9000)).padStart(4, "0")}`, metadata: { client: String(client) } }),
        });
        const body = await response.json();
        if (response.status === 201) load.acknowledged.push(body.id);
        else load.refused.push(response.status);
      } catch {
        // The connection died with the server: the request was never acknowledged.
        load.cutOff += 1;
        if (killed) return;
      }
    }
  };
  const clients = Array.from({ length: IN_FLIGHT }, (_, index) => client(index));
  await new Promise((resolve) => setTimeout(resolve, stopAfterMs));
  killed = true;
  await kill();
  await Promise.all(clients);
  return load;
}

test("calls acknowledged before a kill -9 survive it whole, and webhooks pending at the crash go out after the restart", async ({ browser }) => {
  const receiver = await startWebhookReceiver();
  // The receiver is down (500) until the restart, so deliveries pile up pending, in backoff.
  receiver.statuses.push(...Array<number>(100_000).fill(500));
  // Lifted so the load is all writes, not 429s.
  const server = await startProductionServer({ port: hardeningPort(0), env: { RATE_LIMIT_REQUESTS: "100000" } });
  try {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await signUp(page);
    await openIntegrationSettings(page);
    const key = await generateKey(page, "Load");
    await closeWithoutCopying(page, "Load");
    const headers = { Authorization: `Bearer ${key}` };
    const endpointResponse = await page.request.post("/api/v1/webhook-endpoints", { headers, data: { url: receiver.url, events: ["call.queued"] } });
    expect(endpointResponse.status()).toBe(201);
    const endpoint = await endpointResponse.json();

    const load = await launchCallsUntilCutOff(server.baseURL, key, LOAD_MS, () => server.kill());
    expect(load.acknowledged.length, "calls acknowledged before the kill").toBeGreaterThan(20);
    expect(load.cutOff, "requests in flight when the server died").toBeGreaterThan(0);
    expect(load.refused, "answers other than 201 under load").toEqual([]);
    expect(receiver.received.length, "deliveries attempted (and failed) before the kill").toBeGreaterThan(0);

    // What the crash left on disk: every call with its call.queued event, no event without its call.
    const calls = queryDatabase<{ id: string }>(server.databaseFile, "SELECT id FROM Call");
    const queuedEvents = queryDatabase<{ id: string; callId: string }>(
      server.databaseFile,
      "SELECT id, json_extract(payload, '$.data.id') AS callId FROM WebhookEvent WHERE type = 'call.queued'",
    );
    const callIds = new Set(calls.map((call) => call.id));
    const eventCallIds = new Set(queuedEvents.map((event) => event.callId));
    expect(queuedEvents.length).toBe(calls.length);
    expect([...callIds].filter((id) => !eventCallIds.has(id)), "calls without their call.queued event").toEqual([]);
    expect([...eventCallIds].filter((id) => !callIds.has(id)), "call.queued events without their call").toEqual([]);
    expect(load.acknowledged.filter((id) => !callIds.has(id)), "acknowledged calls missing on disk").toEqual([]);
    const pending = queryDatabase<{ id: string; eventId: string; attempts: number }>(
      server.databaseFile,
      "SELECT id, eventId, attempts FROM WebhookDelivery WHERE endpointId = ? AND status = 'pending'",
      endpoint.id,
    );
    expect(pending.length, "deliveries pending at the crash").toBeGreaterThan(0);
    expect(pending.filter((delivery) => delivery.attempts > 0).length, "of which in backoff after failed attempts").toBeGreaterThan(0);

    // The receiver is back up; restart on the same database.
    receiver.statuses.length = 0;
    const receivedBeforeRestart = receiver.received.length;
    await server.start();
    for (const id of load.acknowledged) {
      const call = await page.request.get(`/api/v1/calls/${id}`, { headers });
      expect(call.status(), id).toBe(200);
    }
    // After 20 failures in a row the endpoint pauses itself; its owner re-enables it once the receiver is fixed.
    const state = await (await page.request.get(`/api/v1/webhook-endpoints/${endpoint.id}`, { headers })).json();
    const pausedItself = !state.enabled;
    if (pausedItself) {
      expect(state.disabled_reason).toMatch(/^Disabled after \d+ consecutive failed deliveries/);
      expect((await page.request.patch(`/api/v1/webhook-endpoints/${endpoint.id}`, { headers, data: { enabled: true } })).status()).toBe(200);
    }

    // Backoff is 5 s after a first failure, and a delivery claimed when the server died waits out its 60 s claim.
    const pendingIds = pending.map((delivery) => delivery.id);
    const stillPending = () =>
      queryDatabase<{ id: string }>(
        server.databaseFile,
        `SELECT id FROM WebhookDelivery WHERE status != 'succeeded' AND id IN (${pendingIds.map(() => "?").join(",")})`,
        ...pendingIds,
      ).length;
    await expect.poll(stillPending, { timeout: 100_000, intervals: [1_000] }).toBe(0);
    const deliveredEventIds = new Set(receiver.received.slice(receivedBeforeRestart).map((message) => String(message.headers["webhook-id"])));
    expect(pending.filter((delivery) => !deliveredEventIds.has(delivery.eventId)), "pending deliveries the receiver never got").toEqual([]);

    report(
      "kill -9",
      `${load.acknowledged.length} acknowledged calls checked after the restart (${load.cutOff} requests cut off by the kill); ` +
        `${calls.length} calls (${calls.length - load.acknowledged.length} committed but unacknowledged) and ${queuedEvents.length} call.queued events on disk; ` +
        `${pending.length} deliveries pending at the crash (${pending.filter((delivery) => delivery.attempts > 0).length} in backoff) all delivered after it` +
        (pausedItself ? " (the endpoint had paused itself after 20 failures and was re-enabled)" : ""),
    );
  } finally {
    await server.stop();
    await receiver.close();
  }
});
