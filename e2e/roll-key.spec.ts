import { expect, test } from "./support/test";
import { signUp } from "./support/accounts";
import { closeWithoutCopying, copyAndClose, displayOf, generateKey, keyRow, me, openIntegrationSettings, rollKey, secretDialog } from "./support/api-keys";

const HOUR_MS = 60 * 60 * 1000;

test("rolling with a 1 hour grace keeps the old secret working next to the new one", { tag: ["@keys"] }, async ({ page, context, request, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signUp(page);
  await openIntegrationSettings(page);
  const old = await generateKey(page, "Zapier", { access: "Restricted", scopes: { Calls: "Read", Routing: "Write" } });
  await copyAndClose(page, "Zapier");
  const permissions = "Calls: Read · Contacts: None · Routing: Write";
  await expect(keyRow(page, displayOf(old))).toContainText(permissions);

  const rolledAt = Date.now();
  const fresh = await rollKey(page, "Zapier", old, "1 hour");
  await expect(secretDialog(page, "Zapier", "rolled")).toContainText("only time it will be shown");
  expect(await copyAndClose(page, "Zapier", "rolled")).toBe(fresh);

  expect((await me(request, old)).status()).toBe(200);
  const current = await me(request, fresh);
  expect(current.status()).toBe(200);
  expect((await current.json()).api_key).toMatchObject({ name: "Zapier", display: displayOf(fresh) });

  // Both are listed with the same permissions; the old one until its grace period ends.
  await expect(keyRow(page, displayOf(fresh))).toContainText(permissions);
  await expect(keyRow(page, displayOf(old))).toContainText(permissions);
  const expires = keyRow(page, displayOf(old)).getByRole("cell").nth(4);
  // Relative to now once the page is live; the exact time is its title and tooltip.
  await expect(expires.locator("time")).toHaveText("in 1 hour");
  const graceEnds = Date.parse((await expires.locator("time").getAttribute("datetime")) ?? "");
  expect(graceEnds).toBeGreaterThanOrEqual(rolledAt + HOUR_MS - 1000);
  expect(graceEnds).toBeLessThanOrEqual(Date.now() + HOUR_MS);
  await expect(keyRow(page, displayOf(fresh)).getByRole("cell").nth(4)).toHaveText("Never");

  // A key is rolled once: the old row says so, and its replacement is the one to roll next.
  await expect(keyRow(page, displayOf(old)).getByRole("rowheader")).toContainText("Rolled");
  await expect(keyRow(page, displayOf(old)).getByRole("button", { name: /^Roll/ })).toHaveCount(0);
  await expect(keyRow(page, displayOf(fresh)).getByRole("button", { name: /^Roll/ })).toBeVisible();
});

test("rolling with Now stops the old secret at once and keeps the permissions", { tag: ["@keys"] }, async ({ page, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  const old = await generateKey(page, "Make", { access: "Read only" });
  await closeWithoutCopying(page, "Make");
  await expect(keyRow(page, displayOf(old))).toContainText("Read only");

  const fresh = await rollKey(page, "Make", old, "Now");
  await closeWithoutCopying(page, "Make", "rolled");

  const refused = await me(request, old);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toMatchObject({ type: "authentication_error", code: "revoked_api_key" });
  expect((await me(request, fresh)).status()).toBe(200);

  await expect(keyRow(page, displayOf(old))).toHaveCount(0);
  await expect(keyRow(page, displayOf(fresh))).toContainText("Read only");
  await expect(page.getByRole("rowheader", { name: "Make" })).toHaveCount(1);
});
