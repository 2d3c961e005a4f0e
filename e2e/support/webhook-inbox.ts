import { test } from "@playwright/test";
import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { createWebhookReceiver } from "../../scripts/webhook-receiver.cjs";
import { verifyWebhook, type ReceivedWebhook } from "./webhook-receiver";

// Where deliveries can go: a receiver on the runner's loopback when the flows start their own
// server (it allows private URLs), the one QA runs behind a tunnel (E2E_WEBHOOK_RECEIVER_URL)
// for a deployment, or none: a deployment refuses loopback URLs and could not reach them anyway.
function receiverBase(): { url: string; token: string } | "loopback" | null {
  const url = process.env.E2E_WEBHOOK_RECEIVER_URL;
  if (url) return { url: url.replace(/\/+$/, ""), token: process.env.E2E_WEBHOOK_RECEIVER_TOKEN ?? "" };
  return process.env.E2E_BASE_URL ? null : "loopback";
}

export const NO_RECEIVER_MESSAGE =
  "Needs a webhook receiver the deployment can reach: run `node scripts/webhook-receiver.cjs` behind an https tunnel and set " +
  "E2E_WEBHOOK_RECEIVER_URL (its public URL) and E2E_WEBHOOK_RECEIVER_TOKEN (its WEBHOOK_RECEIVER_TOKEN). See README, Tests.";

export const hasWebhookReceiver = () => receiverBase() !== null;

// For flows that cannot run without deliveries: skipped, saying what to set, against a deployment without a receiver.
export function requireWebhookReceiver() {
  test.skip(!hasWebhookReceiver(), NO_RECEIVER_MESSAGE);
}

// An https URL every deployment accepts when it is saved (a literal address in TEST-NET-3, which
// is reserved for documentation: no DNS lookup, not private, routed nowhere), for flows that need
// an endpoint to exist but nothing delivered to it.
export function unreachableWebhookUrl(tag: string) {
  return `https://203.0.113.10/switchboard-e2e/${tag}`;
}

// One channel of a receiver per call: what arrived is read back through the token-protected
// inspection path, the same way for the loopback receiver and QA's tunnelled one. (The hardening
// and multi-instance suites, which always start their own servers, use the loopback receiver in
// webhook-receiver.ts, which can also answer with failures.)
export async function openWebhookInbox() {
  const base = receiverBase();
  if (!base) throw new Error(NO_RECEIVER_MESSAGE);
  let server: ReturnType<typeof createWebhookReceiver> | undefined;
  let url: string, token: string;
  if (base === "loopback") {
    token = randomBytes(24).toString("hex");
    server = createWebhookReceiver({ token });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  } else {
    ({ url, token } = base);
  }
  const channel = randomUUID();
  const inspect = `${url}/inspect/${channel}`;
  const headers = { Authorization: `Bearer ${token}` };

  return {
    url: `${url}/hooks/${channel}`,
    // Everything delivered to this channel so far, oldest first.
    async messages(): Promise<ReceivedWebhook[]> {
      const response = await fetch(inspect, { headers });
      if (!response.ok) throw new Error(`Webhook receiver answered ${response.status} on its inspection path: ${await response.text()}`);
      const { messages } = (await response.json()) as { messages: { headers: IncomingHttpHeaders; body: string }[] };
      return messages.map((message) => ({ ...message, payload: JSON.parse(message.body) }));
    },
    // From now on the channel answers deliveries with this status (e.g. 410: the receiver unsubscribes).
    async answerWith(status: number) {
      const response = await fetch(`${inspect}/status`, { method: "PUT", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify({ status }) });
      if (!response.ok) throw new Error(`Webhook receiver answered ${response.status} when told to answer ${status}: ${await response.text()}`);
    },
    verify: verifyWebhook,
    async close() {
      await fetch(inspect, { method: "DELETE", headers });
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}
