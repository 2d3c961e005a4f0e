import { expect, test } from "./support/test";
import { newAccount, signUp } from "./support/accounts";
import { displayOf, generateKey, keyRow, me, openIntegrationSettings } from "./support/api-keys";

test("another account sees none of my keys and cannot revoke one", { tag: ["@security", "@keys"] }, async ({ browser, request }) => {
  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signUp(owner, newAccount("Owner"));
  await openIntegrationSettings(owner);
  const ownerKey = await generateKey(owner, "Owner CRM");
  await owner.getByRole("button", { name: "Done" }).click();
  await owner.getByRole("button", { name: "Close without copying" }).click();
  const ownerKeyId = (await (await me(request, ownerKey)).json()).api_key.id as string;

  const intruderContext = await browser.newContext();
  const intruder = await intruderContext.newPage();
  await signUp(intruder, newAccount("Intruder"));
  await openIntegrationSettings(intruder);
  await expect(intruder.getByText("No API keys yet")).toBeVisible();
  await expect(intruder.getByText(displayOf(ownerKey))).toHaveCount(0);

  // The intruder tampers with their own delete form to submit the owner's key id.
  await generateKey(intruder, "Bait");
  await intruder.getByRole("button", { name: "Done" }).click();
  await intruder.getByRole("button", { name: "Close without copying" }).click();
  await intruder.getByRole("button", { name: /^Delete Bait/ }).click();
  const confirm = intruder.getByRole("dialog", { name: 'Delete API key "Bait"?' });
  // Swapped as the form submits: React would restore an earlier change on its next render.
  await confirm.locator("form").evaluate((form, id) => {
    form.addEventListener("submit", () => ((form.querySelector('input[name="keyId"]') as HTMLInputElement).value = id), { capture: true });
  }, ownerKeyId);
  await confirm.getByRole("button", { name: "Delete key" }).click();
  await expect(confirm.getByText("This API key does not exist or was already deleted.")).toBeVisible();

  expect((await me(request, ownerKey)).status()).toBe(200);
  await owner.reload();
  await expect(keyRow(owner, displayOf(ownerKey))).toBeVisible();

  await ownerContext.close();
  await intruderContext.close();
});
