import { expect, test, type APIRequestContext } from "@playwright/test";
import { signUp } from "../support/accounts";
import { displayOf, generateKey, keyRow, openIntegrationSettings } from "../support/api-keys";
import { startWebhookReceiver } from "../support/webhook-receiver";

const INSTANCE_1 = "http://localhost:3111";
const INSTANCE_2 = "http://localhost:3112";

function me(request: APIRequestContext, instance: string, key: string) {
  return request.get(`${instance}/api/v1/me`, { headers: { Authorization: `Bearer ${key}` } });
}

test("a key deleted through instance 1 is refused by instance 2 on the very next request", async ({ page, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "Load balanced");
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("button", { name: "Close without copying" }).click();
  expect((await me(request, INSTANCE_2, key)).status()).toBe(200);

  await keyRow(page, displayOf(key)).getByRole("button", { name: /^Delete/ }).click();
  const confirm = page.getByRole("dialog", { name: 'Delete API key "Load balanced"?' });
  await confirm.getByRole("button", { name: "Delete key" }).click();
  // The dialog closes once the deletion is committed (while it is open the list is hidden from
  // the accessibility tree, so the row count alone proves nothing).
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, displayOf(key))).toHaveCount(0);

  const refused = await me(request, INSTANCE_2, key);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("revoked_api_key");
});

test("requests spread over both instances hit one rate limit", async ({ page, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "Rate limited");
  // Windows are 10 s and aligned to the clock: start early in one so the burst stays inside it.
  const intoWindow = Date.now() % 10_000;
  if (intoWindow > 3_000) await page.waitForTimeout(10_000 - intoWindow + 50);

  const statuses: number[] = [];
  for (let i = 0; i < 80; i++) {
    const batch = await Promise.all([me(request, INSTANCE_1, key), me(request, INSTANCE_2, key)]);
    statuses.push(...batch.map((response) => response.status()));
  }
  const allowed = statuses.filter((status) => status === 200).length;
  // 160 requests against a limit of 100: each instance alone would have allowed 80 each (all of
  // them); shared, about 100 pass (a little more while a sync is in flight).
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  expect(allowed).toBeGreaterThanOrEqual(100);
  expect(allowed).toBeLessThanOrEqual(125);
});

test("each webhook event is delivered once though both instances' workers run, and calls progress on either", async ({ page, request }) => {
  const receiver = await startWebhookReceiver();
  try {
    await signUp(page);
    await openIntegrationSettings(page);
    const key = await generateKey(page, "Webhooks");
    const headers = { Authorization: `Bearer ${key}` };
    const endpoint = await (
      await request.post(`${INSTANCE_1}/api/v1/webhook-endpoints`, { headers, data: { url: receiver.url, events: ["contact.created", "call.completed"] } })
    ).json();

    for (let i = 0; i < 10; i++) {
      const instance = i % 2 ? INSTANCE_2 : INSTANCE_1;
      expect((await request.post(`${instance}/api/v1/contacts`, { headers, data: { external_id: `crm-${i}` } })).status()).toBe(201);
    }
    const call = await (await request.post(`${INSTANCE_2}/api/v1/calls`, { headers, data: { to: "+14155550123" } })).json();
    await expect
      .poll(async () => (await (await request.get(`${INSTANCE_1}/api/v1/calls/${call.id}`, { headers })).json()).status, { timeout: 20_000 })
      .toBe("completed");

    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(11);
    // Both workers have had time to send anything twice; nothing was.
    await page.waitForTimeout(2_000);
    const ids = receiver.received.map((message) => String(message.headers["webhook-id"]));
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.received).toHaveLength(11);
    for (const message of receiver.received) expect(receiver.verify(endpoint.secret, message)).toBeTruthy();
  } finally {
    await receiver.close();
  }
});
