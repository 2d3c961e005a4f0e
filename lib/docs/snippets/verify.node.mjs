import { createHmac, timingSafeEqual } from "node:crypto";

// Reject deliveries signed more than 5 minutes from now (replayed or badly delayed).
const TOLERANCE_SECONDS = 5 * 60;

// secret:  the endpoint's signing secret, "whsec_…" (Integration Settings → Webhook Integration).
// headers: the request's headers, with lower-case names (as Node's req.headers has them).
// body:    the raw request body, exactly as received (a string or Buffer), not re-serialized JSON.
// Returns the event; throws when the delivery is not authentic.
export function verifySwitchboardWebhook(secret, headers, body, now = Date.now()) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestamp || !signatures) throw new Error("Missing webhook-id, webhook-timestamp or webhook-signature header");
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) {
    throw new Error("Timestamp outside the tolerance");
  }
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const payload = Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(payload).digest();
  // While a secret is being rolled, the header carries one signature per secret: "v1,<sig> v1,<sig>".
  const valid = signatures.split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    if (version !== "v1" || !signature) return false;
    const received = Buffer.from(signature, "base64");
    return received.length === expected.length && timingSafeEqual(received, expected);
  });
  if (!valid) throw new Error("Invalid signature");
  return JSON.parse(payload.toString("utf8"));
}

// Usage with node:http (any framework works if it gives you the raw body):
//
//   http.createServer((req, res) => {
//     const chunks = [];
//     req.on("data", (chunk) => chunks.push(chunk));
//     req.on("end", () => {
//       try {
//         const event = verifySwitchboardWebhook(process.env.SWITCHBOARD_WEBHOOK_SECRET, req.headers, Buffer.concat(chunks));
//         console.log(event.type, event.data.id);
//         res.writeHead(204).end();
//       } catch {
//         res.writeHead(400).end();
//       }
//     });
//   }).listen(8080);
