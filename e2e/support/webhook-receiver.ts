import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
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

// A real HTTP receiver on loopback. Answers with queued statuses first, then 200.
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body, payload: JSON.parse(body) });
      response.writeHead(statuses.shift() ?? 200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ received: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/switchboard`,
    received,
    statuses,
    verify: verifyWebhook,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
