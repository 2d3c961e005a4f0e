import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { sendTestEvent } from "./dashboard";
import { createWebhookEndpoint, updateWebhookEndpoint } from "./endpoints";

let server: Server;
let url: string;
let received = 0;

beforeAll(async () => {
  process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received += 1;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

let counter = 0;
async function accountWithEndpoint() {
  const user = await db.user.create({ data: { email: `test-event-${++counter}@example.com`, name: "Hooks", passwordHash: "x" } });
  const { endpoint } = await createWebhookEndpoint(user.id, { url, events: ["ping"] }, { origin: { ip: null, userAgent: null } });
  return { accountId: user.id, endpointId: endpoint.id };
}

describe("sendTestEvent", () => {
  it("delivers a ping to the account's own endpoint", async () => {
    const { accountId, endpointId } = await accountWithEndpoint();
    expect(await sendTestEvent(accountId, endpointId)).toMatchObject({ succeeded: true, statusCode: 200 });
  });

  // It used to say "This endpoint is disabled" and record a ping event in the caller's account.
  it("treats another account's endpoint as missing and records nothing", async () => {
    const owner = await accountWithEndpoint();
    const intruder = await accountWithEndpoint();
    const before = { received, events: await db.webhookEvent.count(), deliveries: await db.webhookDelivery.count() };

    const attempt = sendTestEvent(intruder.accountId, owner.endpointId);
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toMatchObject({ code: "resource_missing" });

    expect({ received, events: await db.webhookEvent.count(), deliveries: await db.webhookDelivery.count() }).toEqual(before);
  });

  it("refuses a disabled endpoint without recording an event", async () => {
    const { accountId, endpointId } = await accountWithEndpoint();
    await updateWebhookEndpoint(accountId, endpointId, { enabled: false }, { origin: { ip: null, userAgent: null } });
    const events = await db.webhookEvent.count({ where: { accountId: accountId } });
    await expect(sendTestEvent(accountId, endpointId)).rejects.toMatchObject({ kind: "conflict", code: "endpoint_disabled", message: "This endpoint is disabled. Enable it to send a test event." });
    expect(await db.webhookEvent.count({ where: { accountId: accountId } })).toBe(events);
  });
});
