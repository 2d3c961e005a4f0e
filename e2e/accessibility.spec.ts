import type { Locator, Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { displayOf, keyRow, openIntegrationSettings } from "./support/api-keys";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { bearer, launchCall } from "./support/calls";
import { expectDialogFitsScreen, expectNoSidewaysPageScroll, isPhone } from "./support/screen-fit";
import { expireSudoMode } from "./support/sudo";
import { expect, test } from "./support/test";
import { unreachableWebhookUrl } from "./support/webhook-inbox";
import { expectToast } from "./support/toasts";

// axe (0 serious or critical violations) on every page, and on a small screen no page that
// scrolls sideways.
async function checkPage(page: Page) {
  await expectNoSeriousAxeViolations(page);
  if (isPhone(page)) await expectNoSidewaysPageScroll(page);
}

// axe with the dialog open; on a small screen the dialog fits, and its title and the named button
// can be reached.
async function checkDialog(page: Page, dialog: Locator, buttonName?: string) {
  await expect(dialog).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  if (isPhone(page)) await expectDialogFitsScreen(page, dialog, buttonName);
}

async function closeDialog(page: Page, dialog: Locator) {
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
}

async function openFromNav(page: Page, link: string, heading: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
}

// Presses Tab until the target has the focus, as a keyboard user would reach it.
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("every page and every dialog passes axe, and on a phone fits the screen", { tag: ["@a11y", "@phone"] }, async ({ page, context, baseURL }) => {
  // About thirty axe runs over the whole app, with the data each page needs.
  test.setTimeout(Math.max(300_000, Number(process.env.E2E_TIMEOUT_MS ?? 30_000) * 5));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

  for (const path of ["/sign-in", "/sign-up", "/docs/guides"]) {
    await page.goto(path);
    await checkPage(page);
  }
  // The guide with the longest URLs and header values.
  await page.goto("/docs/guides/ghl");
  await expect(page.getByRole("heading", { name: "Switchboard with GoHighLevel (GHL)", level: 1 })).toBeVisible();
  await checkPage(page);

  const account = await signUp(page, newAccount("Alan Turing"));
  await checkPage(page);

  // Integration Settings: Generate Key with Restricted and allowed IPs, the key shown once and
  // copied, then Roll and Delete on its row, and the webhook endpoint form.
  await openIntegrationSettings(page);
  await checkPage(page);
  await page.getByRole("button", { name: "Generate Key" }).click();
  const generate = page.getByRole("dialog", { name: "Generate API key" });
  await generate.getByLabel("Name").fill("Everything");
  await generate.getByRole("radio", { name: "Restricted" }).check();
  for (const resource of ["Calls", "Contacts", "Routing", "Webhooks"]) {
    await generate.getByLabel(resource, { exact: true }).selectOption({ label: "Write" });
  }
  await generate.getByLabel("Allowed IP addresses").fill("0.0.0.0/0\n::/0");
  await checkDialog(page, generate, "Generate key");
  await generate.getByRole("button", { name: "Generate key" }).click();
  const shown = page.getByRole("dialog", { name: 'API key "Everything" created' });
  const key = await shown.getByRole("textbox", { name: "API key" }).inputValue();
  await checkDialog(page, shown, "Copy API key");
  await shown.getByRole("button", { name: "Copy API key" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();

  const row = keyRow(page, displayOf(key));
  await row.getByRole("button", { name: `Roll Everything (${displayOf(key)})` }).click();
  const roll = page.getByRole("dialog", { name: 'Roll API key "Everything"?' });
  await checkDialog(page, roll, "Roll key");
  await closeDialog(page, roll);
  await row.getByRole("button", { name: `Delete Everything (${displayOf(key)})` }).click();
  const deleteKey = page.getByRole("dialog", { name: 'Delete API key "Everything"?' });
  await checkDialog(page, deleteKey, "Delete key");
  await closeDialog(page, deleteKey);

  await page.getByRole("button", { name: "Add endpoint" }).click();
  const endpointForm = page.getByRole("dialog", { name: "Add webhook endpoint" });
  await endpointForm.getByLabel("Endpoint URL").fill(unreachableWebhookUrl("accessibility"));
  await endpointForm.getByRole("radio", { name: "Selected events" }).check();
  await checkDialog(page, endpointForm, "Add endpoint");
  await endpointForm.getByRole("checkbox", { name: "call.completed" }).check();
  await endpointForm.getByRole("button", { name: "Add endpoint" }).click();
  await expect(endpointForm).toBeHidden();
  await checkPage(page);

  // The data the other pages show: a call, a contact and a routing rule made through the API
  // (which also fills the request log).
  const launched = await launchCall(page.request, key, { to: "+14155550123", agent: "Booking assistant" });
  expect(launched.status()).toBe(201);
  const call = await launched.json();
  expect((await page.request.post("/api/v1/contacts", { headers: bearer(key), data: { phone: "+14155550199", first_name: "Ada", last_name: "Lovelace", external_id: "crm-1" } })).status()).toBe(201);
  expect((await page.request.post("/api/v1/routing-rules", { headers: bearer(key), data: { name: "UK callers", caller_prefix: "+44", action: "forward", target: "+442079460000" } })).status()).toBe(201);

  await page.getByRole("row").filter({ hasText: displayOf(key) }).getByRole("link", { name: "Everything" }).click();
  await expect(page.getByRole("heading", { name: "Everything", level: 2 })).toBeVisible();
  await checkPage(page);

  await page.goto("/");
  await checkPage(page);
  await openFromNav(page, "Calls", "Calls");
  await checkPage(page);
  await page.goto(`/calls/${call.id}`);
  await expect(page.getByText(call.id).first()).toBeVisible();
  await checkPage(page);

  await openFromNav(page, "Contacts", "Contacts");
  await expect(page.getByText("Ada Lovelace")).toBeVisible();
  await checkPage(page);
  await page.getByRole("button", { name: "New contact" }).click();
  const contactForm = page.getByRole("dialog", { name: "New contact" });
  await checkDialog(page, contactForm, "Create contact");
  await closeDialog(page, contactForm);

  await openFromNav(page, "Routing", "Routing");
  await checkPage(page);
  await page.getByRole("button", { name: "New rule" }).click();
  const ruleForm = page.getByRole("dialog", { name: "New routing rule" });
  await ruleForm.getByLabel("Only at certain times").check();
  await checkDialog(page, ruleForm, "Create rule");
  await closeDialog(page, ruleForm);

  await openFromNav(page, "Logs", "Logs");
  await expect(page.getByRole("region", { name: "Requests" }).getByRole("row").nth(1)).toBeVisible();
  await checkPage(page);

  await openFromNav(page, "Profile Settings", "Profile Settings");
  await checkPage(page);
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const twoFactor = page.getByRole("dialog", { name: "Set up two-factor authentication" });
  await expect(twoFactor.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await checkDialog(page, twoFactor, "Verify and turn on");
  // This dialog has no Cancel: Escape closes it.
  await page.keyboard.press("Escape");
  await expect(twoFactor).toBeHidden();
  await page.getByRole("button", { name: "Delete account" }).click();
  const deleteAccount = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(deleteAccount.getByLabel("Password")).toBeVisible();
  await checkDialog(page, deleteAccount, "Delete this account");
  await closeDialog(page, deleteAccount);

  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("region", { name: "Audit events" })).toBeVisible();
  await checkPage(page);

  // The sudo prompt needs the session aged in the database of the server the flows start.
  if (!process.env.E2E_BASE_URL) {
    await expireSudoMode(account.email);
    await openIntegrationSettings(page);
    await page.getByRole("button", { name: "Generate Key" }).click();
    await generate.getByLabel("Name").fill("After a break");
    await generate.getByRole("button", { name: "Generate key" }).click();
    const sudo = page.getByRole("dialog", { name: "Confirm access" });
    await checkDialog(page, sudo, "Confirm");
  }

  // The longest page last: the API reference, a few thousand nodes.
  await page.goto("/docs/api");
  await checkPage(page);
});

test("Generate Key and Delete work by keyboard alone, and focus returns to the trigger", { tag: ["@a11y"] }, async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signUp(page);
  await openIntegrationSettings(page);

  // Reached with Tab from the top of the page, opened with Enter; focus starts inside.
  await page.keyboard.press("Tab");
  const trigger = page.getByRole("button", { name: "Generate Key" });
  await tabTo(page, trigger);
  await page.keyboard.press("Enter");
  const generate = page.getByRole("dialog", { name: "Generate API key" });
  await expect(generate).toBeVisible();
  await expect(generate.getByLabel("Name")).toBeFocused();
  await page.keyboard.type("Keyboard");

  // Permissions: Tab into the radio group, arrow keys move the choice to Restricted.
  await tabTo(page, generate.getByRole("radio", { name: "Full access" }));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(generate.getByRole("radio", { name: "Restricted" })).toBeChecked();
  await expect(generate.getByRole("radio", { name: "Restricted" })).toBeFocused();
  await page.keyboard.press("Tab");
  const calls = generate.getByLabel("Calls", { exact: true });
  await expect(calls).toBeFocused();
  // A closed select takes the arrow keys: None → Read.
  await page.keyboard.press("ArrowDown");
  await expect(calls).toHaveValue("read");
  await tabTo(page, generate.getByLabel("Allowed IP addresses"));
  await page.keyboard.type("203.0.113.0/24");
  await tabTo(page, generate.getByRole("button", { name: "Generate key" }));
  await page.keyboard.press("Enter");

  const shown = page.getByRole("dialog", { name: 'API key "Keyboard" created' });
  const key = await shown.getByRole("textbox", { name: "API key" }).inputValue();
  await tabTo(page, shown.getByRole("button", { name: "Copy API key" }));
  await page.keyboard.press("Space");
  await expectToast(page, "API key copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(trigger).toBeFocused();
  const row = keyRow(page, displayOf(key));
  await expect(row).toContainText("Calls: Read");
  await expect(row).toContainText("203.0.113.0/24");

  // Delete: opened with Enter, Escape closes it and gives focus back; Space opens it again and the
  // confirmation button is reached with Tab.
  const deleteButton = row.getByRole("button", { name: `Delete Keyboard (${displayOf(key)})` });
  await tabTo(page, deleteButton);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: 'Delete API key "Keyboard"?' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await page.keyboard.press("Space");
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole("button", { name: "Delete key" }));
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(keyRow(page, displayOf(key))).toHaveCount(0);
});
