import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { hashApiKey } from "@/lib/api-keys/hash";
import { hashPassword } from "@/lib/auth/password";
import { createCall } from "@/lib/calls/calls";
import { createCallSchema } from "@/lib/calls/schemas";
import { upsertContact } from "@/lib/contacts/contacts";
import { createContactSchema } from "@/lib/contacts/schemas";
import { createRoutingRule } from "@/lib/routing/rules";
import { createRoutingRuleSchema } from "@/lib/routing/schemas";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { deleteAccount } from "./delete-account";

const ORIGIN = { ip: "203.0.113.7", userAgent: "vitest/4 (delete-account.test)" };
const PASSWORD = "correct horse battery";

// An account holding one of everything an account can own, made through the real operations.
async function accountWithData() {
  const email = `${randomUUID()}@example.com`;
  const user = await db.user.create({ data: { email, name: "Ada", passwordHash: await hashPassword(PASSWORD) } });
  const { secret, apiKey } = await createApiKey(user.id, { name: "CRM", expiration: "never" }, ORIGIN);
  await upsertContact(user.id, createContactSchema.parse({ external_id: "crm-1", first_name: "Ada" }));
  await createRoutingRule(user.id, createRoutingRuleSchema.parse({ action: "agent", target: "Sales" }));
  // A documentation address: accepted without DNS, never delivered to here.
  await createWebhookEndpoint(user.id, { url: "https://203.0.113.10/hook", events: ["*"] }, { origin: ORIGIN });
  await createCall(user.id, apiKey.id, createCallSchema.parse({ to: "+14155550123" }));
  await db.idempotencyRecord.create({
    data: { accountId: user.id, key: "idem-1", method: "POST", path: "/api/v1/calls", requestHash: "x", expiresAt: new Date(Date.now() + 60_000) },
  });
  return { accountId: user.id, email, secret };
}

async function owned(accountId: string) {
  return {
    users: await db.user.count({ where: { id: accountId } }),
    apiKeys: await db.apiKey.count({ where: { accountId } }),
    calls: await db.call.count({ where: { accountId } }),
    contacts: await db.contact.count({ where: { accountId } }),
    routingRules: await db.routingRule.count({ where: { accountId } }),
    webhookEndpoints: await db.webhookEndpoint.count({ where: { accountId } }),
    webhookEvents: await db.webhookEvent.count({ where: { accountId } }),
    webhookDeliveries: await db.webhookDelivery.count({ where: { endpoint: { accountId } } }),
    idempotencyRecords: await db.idempotencyRecord.count({ where: { accountId } }),
  };
}

// scrypt (32 MiB a hash) on two shared cores: a few hashes per test take seconds.
describe("deleteAccount", { timeout: 30_000 }, () => {
  it("erases everything the account owns, keeps its audit trail and leaves other accounts alone", async () => {
    const doomed = await accountWithData();
    const bystander = await accountWithData();
    const before = await owned(doomed.accountId);
    expect(Object.values(before).every((count) => count > 0), JSON.stringify(before)).toBe(true);
    const bystanderBefore = await owned(bystander.accountId);

    await deleteAccount(doomed.accountId, { password: PASSWORD, confirmEmail: doomed.email }, ORIGIN);

    expect(Object.values(await owned(doomed.accountId)).every((count) => count === 0)).toBe(true);
    expect(await db.apiKey.findUnique({ where: { hash: hashApiKey(doomed.secret) } })).toBeNull();
    const trail = await db.auditEvent.findMany({ where: { accountId: doomed.accountId }, orderBy: { createdAt: "asc" } });
    expect(trail.map((event) => event.action).sort()).toEqual(["account.deleted", "api_key.created", "api_key.revoked", "webhook_endpoint.created"]);
    expect(trail.find((event) => event.action === "account.deleted")).toMatchObject({ apiKeyId: null, ip: ORIGIN.ip });
    expect(await owned(bystander.accountId)).toEqual(bystanderBefore);
  });

  it("deletes nothing without the right password and the account's own email", async () => {
    const account = await accountWithData();
    const before = await owned(account.accountId);

    await expect(deleteAccount(account.accountId, { password: PASSWORD, confirmEmail: "someone@example.com" }, ORIGIN)).rejects.toMatchObject({
      kind: "invalid_input",
      field: "confirmEmail",
    });
    await expect(deleteAccount(account.accountId, { password: "wrong password", confirmEmail: account.email }, ORIGIN)).rejects.toMatchObject({
      kind: "invalid_input",
      field: "password",
      message: "That password is not correct.",
    });
    expect(await owned(account.accountId)).toEqual(before);
    expect(await db.auditEvent.count({ where: { accountId: account.accountId, action: "account.deleted" } })).toBe(0);
  });
});
