import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signUp } from "./support/accounts";
import { generateKey, openIntegrationSettings } from "./support/api-keys";
import { expectData, expectFailure, sdk } from "./support/sdk";
import { toasts } from "./support/toasts";
import { addWebhookEndpoint } from "./support/webhook-endpoints";
import { requireWebhookReceiver, openWebhookInbox, unreachableWebhookUrl } from "./support/webhook-inbox";

const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;

async function revealSecret(page: Page, endpoint: ReturnType<Page["getByRole"]>) {
  await endpoint.getByRole("button", { name: "Reveal signing secret" }).click();
  const secret = endpoint.getByLabel("Signing secret", { exact: true });
  await expect(secret).toHaveText(SECRET);
  return (await secret.textContent())!;
}

test("an owner adds an endpoint, sends a test event, resends it and rolls the secret", { tag: ["@webhooks"] }, async ({ page, context, baseURL }) => {
  requireWebhookReceiver();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const receiver = await openWebhookInbox();
  try {
    await signUp(page);
    await openIntegrationSettings(page);
    await expect(page.getByRole("heading", { name: "Webhook Integration" })).toBeVisible();

    await page.getByRole("button", { name: "Add endpoint" }).click();
    const form = page.getByRole("dialog", { name: "Add webhook endpoint" });
    await form.getByLabel("Endpoint URL").fill("ftp://nope.example");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText("Webhook URLs must use https.")).toBeVisible();
    await form.getByLabel("Endpoint URL").fill(receiver.url);
    await form.getByLabel("Description").fill("QA receiver");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form).toBeHidden();

    const endpoint = page.getByRole("article", { name: `Webhook endpoint ${receiver.url}` });
    await expect(endpoint).toContainText("QA receiver");
    await expect(endpoint.getByLabel("Signing secret", { exact: true })).toHaveText(/^whsec_•+$/);

    // Send test event: delivered now, and the result shows.
    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByText(/Test event: Delivered: HTTP 200/)).toBeVisible();
    const log = endpoint.getByRole("table", { name: "Delivery log" });
    await expect(log.getByRole("row").filter({ hasText: "ping" })).toHaveCount(1);
    await expect(log.getByRole("row").filter({ hasText: "ping" })).toContainText("HTTP 200");

    const secret = await revealSecret(page, endpoint);
    const [first] = await receiver.messages();
    expect(await receiver.messages()).toHaveLength(1);
    expect(receiver.verify(secret, first)).toMatchObject({ type: "ping" });

    await endpoint.getByRole("button", { name: "Copy signing secret" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // Resend the delivery: a second attempt of the same event.
    await log.getByRole("button", { name: /^Resend ping/ }).first().click();
    await expect(log.getByRole("row").filter({ hasText: "ping" })).toHaveCount(2);
    const [, resent] = await receiver.messages();
    expect(await receiver.messages()).toHaveLength(2);
    expect(resent.headers["webhook-id"]).toBe(first.headers["webhook-id"]);

    // Roll: the new secret is shown; for a day deliveries carry both signatures.
    await endpoint.getByRole("button", { name: "Roll secret" }).click();
    const confirm = page.getByRole("dialog", { name: "Roll signing secret?" });
    await confirm.getByRole("button", { name: "Roll secret" }).click();
    await expect(confirm).toBeHidden();
    await expect(endpoint.getByLabel("Signing secret", { exact: true })).not.toHaveText(secret);
    await expect(endpoint.getByLabel("Signing secret", { exact: true })).toHaveText(SECRET);
    const rolled = (await endpoint.getByLabel("Signing secret", { exact: true }).textContent())!;

    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(log.getByRole("row").filter({ hasText: "ping" })).toHaveCount(3);
    const last = (await receiver.messages()).at(-1)!;
    expect(String(last.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(receiver.verify(rolled, last)).toBeTruthy();
    expect(receiver.verify(secret, last)).toBeTruthy();
  } finally {
    await receiver.close();
  }
});

// Zapier's REST hooks unsubscribe by answering 410 Gone: that one answer disables the endpoint.
test("a receiver that answers 410 Gone disables its endpoint after one attempt, and enabling it clears the reason", { tag: ["@webhooks"] }, async ({ page }) => {
  requireWebhookReceiver();
  // It waits 7 s on purpose (below), on top of a sign-up and the dashboard steps.
  test.slow();
  const receiver = await openWebhookInbox();
  try {
    await signUp(page);
    await openIntegrationSettings(page);
    const endpoint = await addWebhookEndpoint(page, receiver.url);

    await receiver.answerWith(410);
    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByText(/Test event: Failed: HTTP 410/)).toBeVisible();
    // Toasts announce errors assertively.
    await expect(toasts(page).getByRole("alert")).toContainText("Test event: Failed: HTTP 410");
    await expect(endpoint.getByText("Disabled", { exact: true })).toBeVisible();
    await expect(endpoint.getByText(/^Disabled because the receiver answered HTTP 410 Gone/)).toBeVisible();

    // A failure would be retried after about 5 s; after 410 nothing more is sent, even once the
    // retry would have been due. Absence can only be shown by waiting past that moment.
    await page.waitForTimeout(7_000);
    // An error toast outlasts a success one (6 s), so there is time to read it.
    await expect(toasts(page).getByRole("alert")).toContainText("Test event: Failed: HTTP 410");
    await page.reload();
    const log = endpoint.getByRole("table", { name: "Delivery log" });
    await expect(log.getByRole("row").filter({ hasText: "ping" })).toHaveCount(1);
    await expect(log.getByRole("row").filter({ hasText: "ping" })).toContainText("HTTP 410");
    expect(await receiver.messages()).toHaveLength(1);
    await log.getByRole("button", { name: /^Resend ping/ }).click();
    await expect(endpoint.getByText("This endpoint is disabled. Enable it to resend a delivery.")).toBeVisible();
    expect(await receiver.messages()).toHaveLength(1);

    await endpoint.getByRole("button", { name: "Enable" }).click();
    await expect(endpoint.getByText("Enabled", { exact: true })).toBeVisible();
    await expect(endpoint.getByText(/410 Gone/)).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

// Nothing is delivered here, so the endpoint points at an address every deployment accepts.
test("an endpoint can be disabled, edited to chosen events, re-enabled and deleted", { tag: ["@webhooks", "@phone"] }, async ({ page }) => {
  const url = unreachableWebhookUrl("settings");
  await signUp(page);
  await openIntegrationSettings(page);
  const endpoint = await addWebhookEndpoint(page, url);

  await endpoint.getByRole("button", { name: "Disable" }).click();
  await expect(endpoint.getByText("Disabled", { exact: true })).toBeVisible();
  await endpoint.getByRole("button", { name: "Send test event" }).click();
  await expect(endpoint.getByRole("alert")).toHaveText("This endpoint is disabled. Enable it to send a test event.");
  await endpoint.getByRole("button", { name: "Enable" }).click();
  await expect(endpoint.getByText("Enabled", { exact: true })).toBeVisible();

  await endpoint.getByRole("button", { name: `Edit ${url}` }).click();
  const edit = page.getByRole("dialog", { name: "Edit webhook endpoint" });
  await edit.getByRole("radio", { name: "Selected events" }).check();
  await edit.getByRole("button", { name: "Save endpoint" }).click();
  await expect(edit.getByText("Choose at least one event.")).toBeVisible();
  await edit.getByRole("checkbox", { name: "call.completed" }).check();
  await edit.getByRole("checkbox", { name: "contact.created" }).check();
  await edit.getByRole("button", { name: "Save endpoint" }).click();
  await expect(edit).toBeHidden();
  await expect(endpoint).toContainText("Events: call.completed, contact.created");

  await endpoint.getByRole("button", { name: `Delete ${url}` }).click();
  await page.getByRole("dialog", { name: "Delete webhook endpoint?" }).getByRole("button", { name: "Delete endpoint" }).click();
  await expect(page.getByText("No webhook endpoints yet.")).toBeVisible();
});

test("a call launched through the API reaches an endpoint added through the API as signed events, in order", { tag: ["@webhooks", "@calls", "@api"] }, async ({ page, request }) => {
  requireWebhookReceiver();
  const receiver = await openWebhookInbox();
  try {
    await signUp(page);
    await openIntegrationSettings(page);
    const api = sdk(request, await generateKey(page, "Zapier"));

    const endpoint = await expectData(api.POST("/api/v1/webhook-endpoints", { body: { url: receiver.url, events: ["call.queued", "call.ringing", "call.completed"] } }), 201);
    expect(endpoint).toMatchObject({ object: "webhook_endpoint", url: receiver.url, enabled: true });
    expect(endpoint.secret).toMatch(SECRET);
    const fetched = await expectData(api.GET("/api/v1/webhook-endpoints/{id}", { params: { path: { id: endpoint.id } } }));
    expect(fetched.secret).toBeUndefined();

    await expectFailure(api.POST("/api/v1/webhook-endpoints", { body: { url: "https://169.254.169.254/latest/meta-data" } }), 400, { type: "invalid_request_error", param: "url" });

    const call = await expectData(api.POST("/api/v1/calls", { body: { to: "+14155550123" } }), 201);
    await expect.poll(async () => (await receiver.messages()).map((message) => message.payload.type), { timeout: 20_000 }).toEqual([
      "call.queued",
      "call.ringing",
      "call.completed",
    ]);
    const messages = await receiver.messages();
    for (const message of messages) {
      expect(receiver.verify(endpoint.secret!, message)).toMatchObject({ data: { id: call.id, object: "call" } });
    }
    expect(messages.at(-1)!.payload.data).toMatchObject({ status: "completed" });
  } finally {
    await receiver.close();
  }
});
