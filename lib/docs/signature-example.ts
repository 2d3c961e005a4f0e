import { signatureHeader } from "@/lib/webhooks/sign";

// A published example, never a real endpoint's secret: 32 bytes of readable text, base64-encoded.
export const EXAMPLE_SECRET = `whsec_${Buffer.from("an example secret for the docs!!").toString("base64")}`;

const EXAMPLE_ID = "evt_mi4q7x2a0k3v9d2r8s1f6h5j0";
const EXAMPLE_TIMESTAMP = 1796029200; // 2026-11-30T09:00:00Z

// The test event Integration Settings → Send test event delivers, signed with the example secret by
// the signer deliveries use, so the reference shows a signature that really verifies.
export function signedExampleDelivery() {
  const body = JSON.stringify({
    id: EXAMPLE_ID,
    type: "ping",
    created_at: new Date(EXAMPLE_TIMESTAMP * 1000).toISOString(),
    data: { object: "ping", message: "Test event from Switchboard" },
  });
  return {
    secret: EXAMPLE_SECRET,
    headers: {
      "webhook-id": EXAMPLE_ID,
      "webhook-timestamp": String(EXAMPLE_TIMESTAMP),
      "webhook-signature": signatureHeader([EXAMPLE_SECRET], EXAMPLE_ID, EXAMPLE_TIMESTAMP, body),
    },
    body,
  };
}
