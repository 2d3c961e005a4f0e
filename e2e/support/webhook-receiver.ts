import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "@playwright/test";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string; payload: { id: string; type: string; data: Record<string, unknown> } };

// Verifies with the independent standardwebhooks package; throws when the signature is wrong.
export function verifyWebhook(secret: string, message: ReceivedWebhook) {
  return new Webhook(secret).verify(message.body, {
    "webhook-id": String(message.headers["webhook-id"]),
    "webhook-timestamp": String(message.headers["webhook-timestamp"]),
    "webhook-signature": String(message.headers["webhook-signature"]),
  });
}

// A real HTTP receiver on loopback. Answers with queued statuses first, then 200. After
// `holdAnswers()` it keeps each delivery waiting until `releaseAnswers()`, so a test can see what
// the dashboard shows while a delivery is in flight.
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body, payload: JSON.parse(body) });
      const answer = () => {
        response.writeHead(statuses.shift() ?? 200, { "Content-Type": "application/json" });
        response.end(JSON.stringify({ received: true }));
      };
      if (holding) held.push(answer);
      else answer();
    });
  });
  const answerHeld = () => {
    holding = false;
    held.splice(0).forEach((answer) => answer());
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/switchboard`,
    received,
    statuses,
    verify: verifyWebhook,
    holdAnswers: () => {
      holding = true;
    },
    // Waits for at least one held delivery, answers every one held, and answers at once again.
    async releaseAnswers() {
      await expect.poll(() => held.length).toBeGreaterThan(0);
      answerHeld();
    },
    close: () => {
      // A held request would keep the server from closing.
      answerHeld();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
