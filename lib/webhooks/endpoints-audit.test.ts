import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createWebhookEndpoint, deleteWebhookEndpoint, revealWebhookSecret, rollWebhookSecret, updateWebhookEndpoint } from "./endpoints";

const OWNER = { origin: { ip: "192.0.2.10", userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1" } };
const FULL = { calls: "write", contacts: "write", routing: "write", events: "read", webhooks: "write" } as const;

// Every change to an endpoint lands in the audit log in the same transaction, with who made it:
// the owner in the dashboard, or (through the API) the key, by id.
describe("webhook endpoint audit trail", () => {
  // Loopback receivers, as in deliveries.test.ts; nothing is sent to them here.
  beforeAll(() => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
  });

  it("records each change once, with actor, IP and user agent, and never the URL's path", async () => {
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } });
    const viaKey = { origin: { ip: "203.0.113.5", userAgent: "zapier/1.0" }, apiKey: { id: "key_audit_test", scopes: FULL } };
    const { endpoint } = await createWebhookEndpoint(user.id, { url: "http://127.0.0.1:9/hooks/s3cr3t-token", events: ["call.completed"] }, viaKey as never);
    await updateWebhookEndpoint(user.id, endpoint.id, { events: ["call.completed", "call.failed"] }, OWNER);
    // Unchanged events and URL record nothing.
    await updateWebhookEndpoint(user.id, endpoint.id, { events: ["call.failed", "call.completed"], description: "CRM" }, OWNER);
    await updateWebhookEndpoint(user.id, endpoint.id, { enabled: false }, OWNER);
    await updateWebhookEndpoint(user.id, endpoint.id, { enabled: false }, OWNER);
    await updateWebhookEndpoint(user.id, endpoint.id, { enabled: true }, OWNER);
    await revealWebhookSecret(user.id, endpoint.id, OWNER);
    await rollWebhookSecret(user.id, endpoint.id, OWNER);
    await deleteWebhookEndpoint(user.id, endpoint.id, OWNER);

    const trail = await db.auditEvent.findMany({ where: { accountId: user.id }, orderBy: { createdAt: "asc" } });
    expect(trail.map((event) => [event.action, event.actor, event.apiKeyId, event.ip])).toEqual([
      ["webhook_endpoint.created", "api_key", "key_audit_test", "203.0.113.5"],
      ["webhook_endpoint.events_changed", "user", null, "192.0.2.10"],
      ["webhook_endpoint.disabled", "user", null, "192.0.2.10"],
      ["webhook_endpoint.enabled", "user", null, "192.0.2.10"],
      ["webhook_endpoint.secret_revealed", "user", null, "192.0.2.10"],
      ["webhook_endpoint.secret_rolled", "user", null, "192.0.2.10"],
      ["webhook_endpoint.deleted", "user", null, "192.0.2.10"],
    ]);
    expect(trail[1].userAgent).toBe(OWNER.origin.userAgent);
    expect(JSON.parse(trail[1].detail!)).toEqual({ endpoint_id: endpoint.id, from: ["call.completed"], to: ["call.completed", "call.failed"] });
    expect(trail.every((event) => !event.detail?.includes("s3cr3t"))).toBe(true);
  });

  it("records nothing for another account's endpoint", async () => {
    const owner = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } });
    const stranger = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Eve", passwordHash: "x" } });
    const { endpoint } = await createWebhookEndpoint(owner.id, { url: "http://127.0.0.1:9/hook", events: ["*"] }, OWNER);
    await expect(revealWebhookSecret(stranger.id, endpoint.id, OWNER)).rejects.toMatchObject({ kind: "not_found" });
    await expect(rollWebhookSecret(stranger.id, endpoint.id, OWNER)).rejects.toMatchObject({ kind: "not_found" });
    expect(await db.auditEvent.count({ where: { accountId: stranger.id } })).toBe(0);
  });
});
