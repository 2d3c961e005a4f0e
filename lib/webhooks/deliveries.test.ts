import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  attemptDelivery,
  claimDelivery,
  claimDueDeliveries,
  deliverDueWebhooks,
  DISABLE_AFTER_FAILURES,
  MAX_IN_FLIGHT_PER_ACCOUNT,
  MAX_IN_FLIGHT_PER_ENDPOINT,
  resendDelivery,
  retryDelay,
} from "./deliveries";
import { createWebhookEndpoint, rollWebhookSecret, updateWebhookEndpoint } from "./endpoints";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { EVENT_DATA_EXAMPLES, EVENT_SCHEMAS } from "./event-payloads";
import { emitWebhookEvent } from "./outbox";
import type { CreateWebhookEndpointInput } from "./schemas";

type Received = { headers: IncomingHttpHeaders; body: string };

// A real receiver on loopback; answers with the queued statuses, then 200.
let server: Server;
let url: string;
let received: Received[] = [];
let statuses: number[] = [];

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(statuses.shift() ?? 200, { "Content-Type": "text/plain" });
      response.end("ok ".repeat(1000));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  received = [];
  statuses = [];
});

let counter = 0;
async function newAccountWithEndpoint(events: CreateWebhookEndpointInput["events"] = ["*"]) {
  const user = await db.user.create({ data: { email: `hooks-${++counter}-${Date.now()}@example.com`, name: "Hooks", passwordHash: "x" } });
  const { endpoint, secret } = await createWebhookEndpoint(user.id, { url, events }, { origin: { ip: null, userAgent: null } });
  return { accountId: user.id, endpoint, secret };
}

// Each type's documented example payload: what the event really carries.
function emit(accountId: string, type: (typeof WEBHOOK_EVENT_TYPES)[number]) {
  return db.$transaction((tx) => emitWebhookEvent(tx, accountId, type, EVENT_DATA_EXAMPLES[type]));
}

function verify(secret: string, message: Received) {
  return new Webhook(secret).verify(message.body, {
    "webhook-id": String(message.headers["webhook-id"]),
    "webhook-timestamp": String(message.headers["webhook-timestamp"]),
    "webhook-signature": String(message.headers["webhook-signature"]),
  });
}

describe("webhook delivery", () => {
  it("delivers every event type signed so that an independent Standard Webhooks implementation verifies it", async () => {
    const { accountId, secret } = await newAccountWithEndpoint();
    for (const type of WEBHOOK_EVENT_TYPES) await emit(accountId, type);
    while ((await deliverDueWebhooks()) > 0);

    expect(received.map((message) => JSON.parse(message.body).type).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    for (const message of received) {
      const payload = verify(secret, message) as { id: string; type: (typeof WEBHOOK_EVENT_TYPES)[number]; created_at: string; data: unknown };
      expect(payload.id).toBe(message.headers["webhook-id"]);
      // The body is the documented envelope, byte for byte what GET /api/v1/events/{id} answers.
      expect(EVENT_SCHEMAS[payload.type].parse(payload)).toEqual(payload);
      expect(payload.data).toEqual(EVENT_DATA_EXAMPLES[payload.type]);
      expect(new Date(payload.created_at).toISOString()).toBe(payload.created_at);
    }
    expect(() => verify("whsec_" + Buffer.alloc(32, 7).toString("base64"), received[0])).toThrow();
  });

  it("sends only the events an endpoint subscribed to", async () => {
    const { accountId } = await newAccountWithEndpoint(["call.completed"]);
    await emit(accountId, "contact.created");
    await emit(accountId, "call.completed");
    while ((await deliverDueWebhooks()) > 0);
    expect(received.map((message) => JSON.parse(message.body).type)).toEqual(["call.completed"]);
  });

  it("retries a failed delivery after the backoff and records every attempt", async () => {
    const { accountId, endpoint } = await newAccountWithEndpoint();
    statuses = [500];
    const { deliveryIds } = await emit(accountId, "call.completed");
    await deliverDueWebhooks();
    let delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryIds[0] } });
    expect(delivery).toMatchObject({ status: "pending", attempts: 1 });
    const wait = delivery.nextAttemptAt!.getTime() - Date.now();
    expect(wait).toBeGreaterThan(4000);
    expect(wait).toBeLessThanOrEqual(5500);

    // Not due yet: nothing is sent.
    expect(await deliverDueWebhooks()).toBe(0);
    // A worker that starts later (after a restart) finds it in the database and sends it.
    await deliverDueWebhooks(new Date(Date.now() + 6000));
    delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryIds[0] } });
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(received).toHaveLength(2);
    expect(received[0].headers["webhook-id"]).toBe(received[1].headers["webhook-id"]);

    const attempts = await db.webhookAttempt.findMany({ where: { endpointId: endpoint.id }, orderBy: { id: "asc" } });
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.succeeded])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
    expect(attempts[0].responseExcerpt!.length).toBeLessThanOrEqual(1024);
  });

  it("backs off about 5 s, 1 min, 10 min, 1 h, 6 h, 24 h, then gives up", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, middle))).toEqual([5_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000, null]);
    expect(retryDelay(1, () => 0)).toBe(4500);
    expect(retryDelay(1, () => 1)).toBe(5500);
  });

  it("marks a delivery failed after its last retry", async () => {
    const { accountId } = await newAccountWithEndpoint();
    statuses = [503];
    const { deliveryIds } = await emit(accountId, "call.failed");
    await db.webhookDelivery.update({ where: { id: deliveryIds[0] }, data: { attempts: 6 } });
    await deliverDueWebhooks();
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryIds[0] } })).toMatchObject({ status: "failed", attempts: 7, nextAttemptAt: null });
  });

  it("delivers once when two workers race for the same delivery", async () => {
    const { accountId } = await newAccountWithEndpoint();
    await emit(accountId, "contact.updated");
    const results = await Promise.all([deliverDueWebhooks(), deliverDueWebhooks(), deliverDueWebhooks()]);
    expect(results.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(received).toHaveLength(1);
  });

  it("lets only one claim win", async () => {
    const { accountId } = await newAccountWithEndpoint();
    const { deliveryIds } = await emit(accountId, "ping");
    const claims = await Promise.all([claimDelivery(deliveryIds[0]), claimDelivery(deliveryIds[0])]);
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it(`disables an endpoint after ${DISABLE_AFTER_FAILURES} consecutive failures and says why`, async () => {
    const { accountId, endpoint } = await newAccountWithEndpoint();
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: DISABLE_AFTER_FAILURES - 1 } });
    statuses = [500];
    await emit(accountId, "call.queued");
    await deliverDueWebhooks();
    const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/after 20 consecutive failed deliveries \(last: HTTP 500\)/);
    // The owner's audit log says Switchboard did it, and why.
    const audit = await db.auditEvent.findMany({ where: { accountId, action: "webhook_endpoint.disabled" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "system", ip: null });
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ endpoint_id: endpoint.id, reason: "failures", failures: DISABLE_AFTER_FAILURES });

    // Nothing more goes to a disabled endpoint.
    await emit(accountId, "call.queued");
    await deliverDueWebhooks(new Date(Date.now() + 10_000));
    expect(received).toHaveLength(1);
  });

  it("disables an endpoint at its first 410 Gone, without retrying, and an owner's enable clears the reason", async () => {
    const { accountId, endpoint } = await newAccountWithEndpoint();
    statuses = [410];
    const { deliveryIds } = await emit(accountId, "call.completed");
    await deliverDueWebhooks();
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryIds[0] } })).toMatchObject({ status: "failed", attempts: 1, nextAttemptAt: null });
    const disabled = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/^Disabled because the receiver answered HTTP 410 Gone .* on \d{4}-\d\d-\d\dT/);

    // Neither that delivery nor a new event is sent again, however long we wait (other tests'
    // retries may be sent meanwhile, so count this endpoint's attempts).
    await emit(accountId, "call.completed");
    await deliverDueWebhooks(new Date(Date.now() + 2 * 86_400_000));
    expect(await db.webhookAttempt.count({ where: { endpointId: endpoint.id } })).toBe(1);

    await expect(resendDelivery(accountId, deliveryIds[0])).rejects.toMatchObject({ kind: "conflict", code: "endpoint_disabled" });
    // The event after the 410 made no delivery at all; the resend refused made none either.
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(1);

    const enabled = await updateWebhookEndpoint(accountId, endpoint.id, { enabled: true }, { origin: { ip: "192.0.2.9", userAgent: null } });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null });
    const audit = await db.auditEvent.findMany({ where: { accountId, action: { startsWith: "webhook_endpoint." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.actor, event.ip])).toEqual([
      ["webhook_endpoint.created", "user", null],
      ["webhook_endpoint.disabled", "system", null],
      ["webhook_endpoint.enabled", "user", "192.0.2.9"],
    ]);
    expect(JSON.parse(audit[1].detail!)).toMatchObject({ reason: "gone" });
  });

  it("signs with both secrets for a day after a roll", async () => {
    const { accountId, endpoint, secret: oldSecret } = await newAccountWithEndpoint();
    const newSecret = await rollWebhookSecret(accountId, endpoint.id, { origin: { ip: null, userAgent: null } });
    await emit(accountId, "ping");
    await deliverDueWebhooks();
    expect(String(received[0].headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(newSecret, received[0])).toBeTruthy();
    expect(verify(oldSecret, received[0])).toBeTruthy();
  });

  it("resends a delivery as a new attempt of the same event", async () => {
    const { accountId } = await newAccountWithEndpoint();
    const { deliveryIds } = await emit(accountId, "contact.deleted");
    await deliverDueWebhooks();
    const result = await resendDelivery(accountId, deliveryIds[0]);
    expect(result).toMatchObject({ succeeded: true, statusCode: 200 });
    expect(received.map((m) => m.headers["webhook-id"])).toEqual([received[0].headers["webhook-id"], received[0].headers["webhook-id"]]);
    const other = await newAccountWithEndpoint();
    expect(await resendDelivery(other.accountId, deliveryIds[0])).toBeNull();
  });

  it("refuses at send time a URL that is no longer allowed", async () => {
    const { accountId, endpoint } = await newAccountWithEndpoint();
    const { deliveryIds } = await emit(accountId, "ping");
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
    try {
      expect(await claimDelivery(deliveryIds[0])).toBe(true);
      const result = await attemptDelivery(deliveryIds[0]);
      expect(result).toMatchObject({ succeeded: false, statusCode: null });
      expect(result!.error).toMatch(/https|private/);
    } finally {
      process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
    }
    expect(received).toHaveLength(0);
    expect(endpoint.url).toBe(url);
  });

  it("keeps signing secrets encrypted at rest", async () => {
    const { endpoint, secret } = await newAccountWithEndpoint();
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(row.secret).not.toContain(secret.slice(6));
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("claims fairly: a busy account gets its capped share and another account's deliveries go out in the same tick", async () => {
    // Nothing else due, so the shares below are this test's alone.
    await db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
    const busy = await newAccountWithEndpoint(["call.completed"]);
    const second = await createWebhookEndpoint(busy.accountId, { url, events: ["call.completed"] }, { origin: { ip: null, userAgent: null } });
    const quiet = await newAccountWithEndpoint(["call.completed"]);
    for (let i = 0; i < 30; i++) await emit(busy.accountId, "call.completed");
    const { deliveryIds: quietIds } = await emit(quiet.accountId, "call.completed");

    const claimed = await claimDueDeliveries(20);
    const rows = await db.webhookDelivery.findMany({ where: { id: { in: claimed } }, include: { endpoint: true } });
    const ofBusy = rows.filter((row) => row.endpoint.accountId === busy.accountId);
    expect(claimed).toEqual(expect.arrayContaining(quietIds));
    expect(ofBusy).toHaveLength(MAX_IN_FLIGHT_PER_ACCOUNT);
    // Both of the busy account's endpoints get their turn, each within its own cap.
    for (const endpointId of [busy.endpoint.id, second.endpoint.id]) {
      expect(ofBusy.filter((row) => row.endpointId === endpointId)).toHaveLength(MAX_IN_FLIGHT_PER_ENDPOINT);
    }
    // While those are in flight (claimed, not yet sent), the busy account gets no more.
    expect(await claimDueDeliveries(20)).toEqual([]);
    await db.webhookDelivery.updateMany({ where: { status: "pending" }, data: { status: "failed" } });
  }, 60_000);
});

