// A webhook receiver QA runs where a deployment can reach it (behind an https tunnel), so the
// Playwright webhook flows can run against staging or production:
//
//   WEBHOOK_RECEIVER_TOKEN=$(openssl rand -hex 32) PORT=8787 node scripts/webhook-receiver.cjs
//
// POST /hooks/<channel>[/anything]   stores the delivery (headers and raw body) and answers 200,
//                                    or the status the channel was told to answer.
// GET  /inspect/<channel>            what arrived on the channel, oldest first, as JSON.
// PUT  /inspect/<channel>/status     body {"status": 410}: the channel's hooks answer that status
//                                    from now on (a receiver that unsubscribes, or one that fails).
// DELETE /inspect/<channel>          forgets the channel.
// The inspection paths want `Authorization: Bearer <WEBHOOK_RECEIVER_TOKEN>`: deliveries carry
// the tested account's data, and anyone who can read them could also replay them. Channels are
// random per test, kept in memory only, and dropped after an hour.
// The e2e flows start the same server on loopback when they run against a local server.
// CommonJS, so the Playwright flows (compiled to CommonJS) can load the same server.
const { createHash, timingSafeEqual } = require("node:crypto");
const { createServer } = require("node:http");

const MAX_BODY_BYTES = 256 * 1024;
const MAX_MESSAGES_PER_CHANNEL = 500;
const MAX_CHANNELS = 1000;
const CHANNEL_TTL_MS = 60 * 60 * 1000;
const CHANNEL = /^[A-Za-z0-9_-]{8,64}$/;

function sameToken(given, expected) {
  // Hashing first makes the comparison constant-time whatever the lengths.
  const digest = (value) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function readBody(request, onBody) {
  const chunks = [];
  let size = 0;
  request.on("data", (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) request.destroy();
    else chunks.push(chunk);
  });
  request.on("end", () => onBody(Buffer.concat(chunks).toString("utf8")));
}

function answer(response, status, body) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(JSON.stringify(body));
}

/** @param {{ token: string }} options */
function createWebhookReceiver({ token }) {
  if (!token || token.length < 16) throw new Error("Set WEBHOOK_RECEIVER_TOKEN to a random value of at least 16 characters.");
  /** @type {Map<string, { touched: number, status: number, messages: { headers: Record<string, string | string[] | undefined>, body: string, received_at: string }[] }>} */
  const channels = new Map();
  const sweep = () => {
    for (const [name, channel] of channels) if (Date.now() - channel.touched > CHANNEL_TTL_MS) channels.delete(name);
  };
  const channelNamed = (name) => {
    sweep();
    let channel = channels.get(name);
    if (!channel) {
      if (channels.size >= MAX_CHANNELS) return null;
      channel = { touched: Date.now(), status: 200, messages: [] };
      channels.set(name, channel);
    }
    return channel;
  };

  return createServer((request, response) => {
    const [, area, channelName, setting] = new URL(request.url ?? "/", "http://receiver").pathname.split("/");
    if (!CHANNEL.test(channelName ?? "")) return answer(response, 404, { error: "Unknown path." });

    if (area === "hooks" && request.method === "POST") {
      readBody(request, (body) => {
        const channel = channelNamed(channelName);
        if (!channel) return answer(response, 503, { error: "Too many channels." });
        if (channel.messages.length >= MAX_MESSAGES_PER_CHANNEL) return answer(response, 507, { error: "Channel full." });
        channel.touched = Date.now();
        channel.messages.push({ headers: request.headers, body, received_at: new Date().toISOString() });
        answer(response, channel.status, { received: true });
      });
      return;
    }

    if (area === "inspect") {
      const [scheme, given] = (request.headers.authorization ?? "").split(" ");
      if (scheme !== "Bearer" || !given || !sameToken(given, token)) return answer(response, 401, { error: "Send Authorization: Bearer <WEBHOOK_RECEIVER_TOKEN>." });
      if (request.method === "GET") return answer(response, 200, { messages: channels.get(channelName)?.messages ?? [] });
      if (request.method === "PUT" && setting === "status") {
        return readBody(request, (body) => {
          let status;
          try {
            status = JSON.parse(body).status;
          } catch {
            status = undefined;
          }
          if (!Number.isInteger(status) || status < 200 || status > 599) return answer(response, 400, { error: 'Send {"status": <200 to 599>}.' });
          const channel = channelNamed(channelName);
          if (!channel) return answer(response, 503, { error: "Too many channels." });
          channel.status = status;
          answer(response, 200, { status });
        });
      }
      if (request.method === "DELETE") {
        channels.delete(channelName);
        return answer(response, 200, { deleted: true });
      }
    }
    answer(response, 405, { error: "Method not allowed." });
  });
}

module.exports = { createWebhookReceiver };

if (require.main === module) {
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? "127.0.0.1";
  const server = createWebhookReceiver({ token: process.env.WEBHOOK_RECEIVER_TOKEN ?? "" });
  server.listen(port, host, () => console.log(`Webhook receiver on http://${host}:${port}: POST /hooks/<channel>, GET /inspect/<channel> with the token.`));
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
}
