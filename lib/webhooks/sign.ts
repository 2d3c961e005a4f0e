import { createHmac } from "node:crypto";
import { webhookSecretKey } from "./secrets";

// Standard Webhooks: "v1,<base64 HMAC-SHA256 of id.timestamp.body>" per secret, space-separated,
// so receivers can verify with either secret while one is being rolled.
export function signatureHeader(secrets: string[], id: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => `v1,${createHmac("sha256", webhookSecretKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64")}`)
    .join(" ");
}
