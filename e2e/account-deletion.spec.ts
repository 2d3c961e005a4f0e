import { expect, test } from "@playwright/test";
import { deleteAccount, signUp } from "./support/accounts";
import { closeWithoutCopying, displayOf, generateKey, keyRow, me, openIntegrationSettings } from "./support/api-keys";
import { unreachableWebhookUrl } from "./support/webhook-inbox";

// Safe against production: everything it makes, it deletes, the account last.
test("smoke: a throwaway account makes a key, calls /me, revokes the key and deletes itself", { tag: ["@smoke", "@keys", "@account"] }, async ({ page, request }) => {
  const account = await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "Smoke test");
  await closeWithoutCopying(page, "Smoke test");

  const response = await me(request, key);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ object: "account", email: account.email, api_key: { name: "Smoke test", display: displayOf(key) } });

  await keyRow(page, displayOf(key)).getByRole("button", { name: /^Delete/ }).click();
  const confirm = page.getByRole("dialog", { name: 'Delete API key "Smoke test"?' });
  await confirm.getByRole("button", { name: "Delete key" }).click();
  // Hidden only once the key is deleted (while the dialog is open the rows are aria-hidden).
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, displayOf(key))).toHaveCount(0);
  expect((await (await me(request, key)).json()).error).toMatchObject({ code: "revoked_api_key" });

  await deleteAccount(page, account);
});

test("deleting an account asks for the password and the email, then revokes its keys and erases its data", { tag: ["@account", "@security"] }, async ({ page, request }) => {
  const account = await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "CRM");
  await closeWithoutCopying(page, "CRM");
  const headers = { Authorization: `Bearer ${key}` };
  const create = async (path: string, data: object) => {
    const response = await request.post(path, { headers, data });
    expect(response.status(), await response.text()).toBe(201);
  };
  await create("/api/v1/contacts", { external_id: "crm-deleted", first_name: "Gone" });
  await create("/api/v1/routing-rules", { action: "agent", target: "Gone agent" });
  await create("/api/v1/webhook-endpoints", { url: unreachableWebhookUrl("account-deletion"), events: ["ping"] });
  await create("/api/v1/calls", { to: "+14155550123" });

  await page.goto("/settings/profile");
  await page.getByRole("button", { name: "Delete account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog).toContainText("Your API keys stop working at once");
  const confirm = dialog.getByRole("button", { name: "Delete this account" });
  // Both confirmations are checked, each next to its field; nothing is deleted meanwhile.
  await confirm.click();
  await expect(dialog.getByText("Enter your password.")).toBeVisible();
  await expect(dialog.getByText("Type your email address to confirm.")).toBeVisible();
  await dialog.getByLabel("Password").fill("not my password");
  await dialog.getByLabel(`Type ${account.email} to confirm`).fill(account.email);
  await confirm.click();
  await expect(dialog.getByText("That password is not correct.")).toBeVisible();
  await dialog.getByLabel("Password").fill(account.password);
  await dialog.getByLabel(`Type ${account.email} to confirm`).fill(`x${account.email}`);
  await confirm.click();
  await expect(dialog.getByText(`Type ${account.email} exactly to confirm.`)).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await me(request, key)).status()).toBe(200);

  await deleteAccount(page, account);

  // The key is refused on the next request; the session is over; the password opens nothing.
  const refused = await me(request, key);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an account. Check them and try again.");
});
