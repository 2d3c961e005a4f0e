import { expect, test } from "./support/test";
import { signUp } from "./support/accounts";
import { copyAndClose, displayOf, generateKey, keyRow, me, openIntegrationSettings } from "./support/api-keys";

test("an owner generates keys, uses them on the API and deletes one", { tag: ["@keys", "@phone"] }, async ({ page, context, request, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const account = await signUp(page);
  await openIntegrationSettings(page);
  await expect(page.getByText("No API keys yet")).toBeVisible();

  // First key: copied with the button, and the clipboard holds exactly what was shown.
  const first = await generateKey(page, "Zapier");
  const copied = await copyAndClose(page, "Zapier");
  expect(copied).toBe(first);

  const response = await me(request, copied);
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({
    object: "account",
    email: account.email,
    name: account.name,
    api_key: { name: "Zapier", display: displayOf(first), expires_at: null },
  });
  expect(response.headers()["request-id"]).toMatch(/^req_/);

  // Second key with the same name: both listed, different secrets.
  const second = await generateKey(page, "Zapier", { expiration: "30 days" });
  await copyAndClose(page, "Zapier");
  expect(second).not.toBe(first);
  await expect(keyRow(page, displayOf(first))).toBeVisible();
  await expect(keyRow(page, displayOf(second))).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Zapier" })).toHaveCount(2);
  expect((await me(request, second, "x-api-key")).status()).toBe(200);

  // Last used is written by the usage flush a few seconds later, so it shows on a later load.
  await expect(async () => {
    await page.reload();
    await expect(keyRow(page, displayOf(first)).getByRole("cell").nth(3)).not.toHaveText("Never");
  }).toPass();

  // Delete the first: confirmation names it; afterwards it is gone and refused.
  await keyRow(page, displayOf(first)).getByRole("button", { name: /^Delete/ }).click();
  const confirm = page.getByRole("dialog", { name: 'Delete API key "Zapier"?' });
  await expect(confirm).toContainText(displayOf(first));
  await confirm.getByRole("button", { name: "Delete key" }).click();
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, displayOf(first))).toHaveCount(0);
  await expect(keyRow(page, displayOf(second))).toBeVisible();

  const revoked = await me(request, first);
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()["www-authenticate"]).toBe("Bearer");
  expect((await revoked.json()).error).toMatchObject({ type: "authentication_error", code: "revoked_api_key" });
  expect((await me(request, second)).status()).toBe(200);
});

test("closing the new-key dialog before copying asks first", { tag: ["@keys"] }, async ({ page }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  await generateKey(page, "Make");
  const shown = page.getByRole("dialog", { name: 'API key "Make" created' });
  await expect(shown).toContainText("only time it will be shown");

  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown.getByText("Close without copying?")).toBeVisible();
  await shown.getByRole("button", { name: "Keep open" }).click();
  await expect(shown.getByText("Close without copying?")).toBeHidden();

  await page.keyboard.press("Escape");
  await expect(shown.getByText("Close without copying?")).toBeVisible();
  await shown.getByRole("button", { name: "Close without copying" }).click();
  await expect(shown).toBeHidden();
  await expect(page.getByRole("rowheader", { name: "Make" })).toBeVisible();
});

test("the key name is validated inline and nothing is created", { tag: ["@keys"] }, async ({ page }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  await page.getByRole("button", { name: "Generate Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API key" });

  await dialog.getByLabel("Name").fill("   ");
  await dialog.getByRole("button", { name: "Generate key" }).click();
  await expect(dialog.getByText("Give the key a name.")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Name").fill("x".repeat(65));
  await dialog.getByRole("button", { name: "Generate key" }).click();
  await expect(dialog.getByText("Names can be at most 64 characters.")).toBeVisible();

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("No API keys yet")).toBeVisible();
});
