import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { newAccount, signIn, signUp, submitSignIn } from "./support/accounts";
import { closeWithoutCopying, displayOf, generateKey, keyRow, openIntegrationSettings } from "./support/api-keys";
import { forwardedAddressTrusted } from "./support/forwarded-client";
import { addWebhookEndpoint } from "./support/webhook-endpoints";
import { unreachableWebhookUrl } from "./support/webhook-inbox";

async function openAuditLog(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
}

const auditRows = (page: Page) => page.getByRole("region", { name: "Audit events" }).getByRole("row").filter({ has: page.getByRole("rowheader") });
const auditRow = (page: Page, action: string) => auditRows(page).filter({ has: page.getByRole("rowheader", { name: action, exact: true }) });

async function downloadCsv(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^switchboard-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  return readFile((await file.path())!, "utf8");
}

test("security changes made in the dashboard and through the API show in the audit log, filter, and export as CSV", { tag: ["@audit"] }, async ({ page, request }) => {
  // Many steps on a shared machine: more than the default 30 s.
  test.setTimeout(180_000);
  const account = await signUp(page, newAccount());
  await openIntegrationSettings(page);

  // A key that adds an endpoint through the API (as a client behind our proxy), then is revoked.
  const secret = await generateKey(page, "Audit bot");
  await closeWithoutCopying(page, "Audit bot");
  const viaApi = await request.post("/api/v1/webhook-endpoints", {
    headers: { Authorization: `Bearer ${secret}`, "X-Forwarded-For": "198.51.100.23", "User-Agent": "audit-e2e-client/1.0" },
    data: { url: unreachableWebhookUrl("audit-api"), events: ["call.completed"] },
  });
  expect(viaApi.status()).toBe(201);
  await keyRow(page, displayOf(secret)).getByRole("button", { name: /^Delete/ }).click();
  await page.getByRole("dialog", { name: 'Delete API key "Audit bot"?' }).getByRole("button", { name: "Delete key" }).click();
  await expect(keyRow(page, displayOf(secret))).toHaveCount(0);

  // An endpoint added in the dashboard: events changed, secret revealed and rolled.
  const url = unreachableWebhookUrl("audit-ui");
  const endpoint = await addWebhookEndpoint(page, url);
  await endpoint.getByRole("button", { name: `Edit ${url}` }).click();
  const edit = page.getByRole("dialog", { name: "Edit webhook endpoint" });
  await edit.getByRole("radio", { name: "Selected events" }).check();
  await edit.getByRole("checkbox", { name: "call.completed" }).check();
  await edit.getByRole("button", { name: "Save endpoint" }).click();
  await expect(edit).toBeHidden();
  await endpoint.getByRole("button", { name: "Reveal signing secret" }).click();
  await expect(endpoint.getByLabel("Signing secret", { exact: true })).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await endpoint.getByRole("button", { name: "Roll secret" }).click();
  const confirm = page.getByRole("dialog", { name: "Roll signing secret?" });
  await confirm.getByRole("button", { name: "Roll secret" }).click();
  await expect(confirm).toBeHidden();

  // Sign out, a wrong password, then back in.
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await submitSignIn(page, { ...account, password: "not the password" });
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(page, account);

  await openAuditLog(page);
  const expected = [
    "API key created",
    "Webhook endpoint added",
    "API key revoked",
    "Webhook endpoint events changed",
    "Webhook signing secret revealed",
    "Webhook signing secret rolled",
    "Sign-in failed",
    "Signed in",
  ];
  for (const action of expected) await expect(auditRow(page, action).first()).toBeVisible();
  // Newest first: the sign-in just now leads.
  await expect(auditRows(page).first().getByRole("rowheader")).toHaveText("Signed in");
  // Through the API: the key is the actor, with the client's address and user agent.
  const apiRow = auditRow(page, "Webhook endpoint added").filter({ hasText: "API key" });
  await expect(apiRow).toContainText("Audit bot");
  if (forwardedAddressTrusted) await expect(apiRow).toContainText("198.51.100.23");
  else await expect(apiRow).not.toContainText("198.51.100.23");
  await expect(apiRow.getByRole("cell").last()).toHaveAttribute("title", "audit-e2e-client/1.0");
  // In the dashboard: the owner, from this machine, in this browser.
  const revealRow = auditRow(page, "Webhook signing secret revealed");
  await expect(revealRow).toContainText("You (dashboard)");
  await expect(revealRow).toContainText(/127\.0\.0\.1|::1/);
  await expect(revealRow).toContainText(/Chrom/);
  await expect(auditRow(page, "API key revoked")).toContainText("Audit bot");

  // Filter to the webhook group: in the URL, and only webhook events remain.
  await page.getByLabel("Action").selectOption({ label: "Webhooks" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=group%3Awebhooks/);
  await expect(auditRow(page, "API key created")).toHaveCount(0);
  await expect(auditRow(page, "Webhook endpoint events changed")).toHaveCount(1);
  const webhookCsv = await downloadCsv(page);
  expect(webhookCsv.split("\r\n")[0]).toBe("time,action,description,actor,api_key_id,api_key_name,webhook_endpoint_id,ip,user_agent,detail");
  for (const action of ["webhook_endpoint.created", "webhook_endpoint.events_changed", "webhook_endpoint.secret_revealed", "webhook_endpoint.secret_rolled"]) {
    expect(webhookCsv).toContain(`,${action},`);
  }
  expect(webhookCsv).not.toContain("api_key.created");
  expect(webhookCsv).not.toContain("session.signed_in");

  // A bad value in the URL is dropped, not an error; a date range with nothing in it is empty.
  await page.goto("/settings/audit-log?actor=root&from=2000-01-01&to=2000-01-31");
  await expect(page.getByText("No events match these filters.")).toBeVisible();

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/settings\/audit-log$/);
  await expect(auditRow(page, "API key created")).toHaveCount(1);
  const allCsv = await downloadCsv(page);
  for (const action of ["api_key.created", "api_key.revoked", "webhook_endpoint.created", "session.sign_in_failed", "session.signed_in"]) {
    expect(allCsv).toContain(`,${action},`);
  }
  if (forwardedAddressTrusted) expect(allCsv).toContain("198.51.100.23");
  else expect(allCsv).not.toContain("198.51.100.23");
});

test("the CSV export needs a signed-in owner", { tag: ["@audit"] }, async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get("/settings/audit-log/export", { maxRedirects: 0 });
  expect([302, 303, 307, 401]).toContain(response.status());
  expect(await response.text()).not.toContain("time,action");
  await anonymous.dispose();
});
