import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { deleteAccount, newAccount, signIn, signUp, type TestAccount } from "./support/accounts";
import { closeWithoutCopying, generateKey, openIntegrationSettings } from "./support/api-keys";
import { expireSudoMode } from "./support/sudo";
import { expectToast } from "./support/toasts";

async function openProfile(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile Settings" }).click();
  await expect(page.getByRole("heading", { name: "Sessions" })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function submitCredentials(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const sessionRows = (page: Page) => page.getByRole("region", { name: "Sessions" }).getByRole("row").filter({ has: page.getByRole("cell") });

test("an owner changes the password: the current one is required, and the new one is the one that works", async ({ page }) => {
  const account = await signUp(page, newAccount("Margaret Hamilton"));
  await openProfile(page);
  const form = page.getByRole("region", { name: "Change password" });

  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password").fill("apollo guidance computer");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();

  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Use at least 10 characters for your password.")).toBeVisible();

  await form.getByLabel("New password").fill("apollo guidance computer");
  await form.getByRole("button", { name: "Change password" }).click();
  await expectToast(page, "Password changed. 0 other sessions were signed out.");
  await expect(form.getByLabel("Current password")).toHaveValue("");

  await signOut(page);
  await submitCredentials(page, account.email, account.password);
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an account. Check them and try again.");
  await signIn(page, { ...account, password: "apollo guidance computer" });
  // Against a deployment the teardown signs in with the first password: leave nothing behind.
  await deleteAccount(page, { ...account, password: "apollo guidance computer" });
});

test("the session list shows each browser, and Sign out ends another browser's session on its next request", async ({ browser, baseURL }) => {
  const laptop = await (await browser.newContext({ baseURL })).newPage();
  const account = await signUp(laptop, newAccount("Radia Perlman"));
  const phone = await (await browser.newContext({ baseURL, userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1" })).newPage();
  await signIn(phone, account);
  const tablet = await (await browser.newContext({ baseURL, userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0" })).newPage();
  await signIn(tablet, account);

  await openProfile(laptop);
  await expect(sessionRows(laptop)).toHaveCount(3);
  const thisDevice = sessionRows(laptop).filter({ hasText: "This device" });
  // Playwright's "Desktop Chrome" profile says it is Chrome on Windows.
  await expect(thisDevice).toContainText("Chrome on Windows");
  await expect(sessionRows(laptop).filter({ hasText: "Safari on iOS" })).toHaveCount(1);
  // The address is the one the server saw; loopback here.
  await expect(sessionRows(laptop).filter({ hasText: "Safari on iOS" })).toContainText(/127\.0\.0\.1|::1/);

  await sessionRows(laptop).filter({ hasText: "Safari on iOS" }).getByRole("button", { name: /^Sign out Safari on iOS/ }).click();
  await expectToast(laptop, "Session signed out");
  await expect(sessionRows(laptop)).toHaveCount(2);
  // The phone's cookie is still in its jar, and no longer opens anything.
  await phone.goto("/settings/integrations");
  await expect(phone).toHaveURL(/\/sign-in/);
  await tablet.goto("/settings/integrations");
  await expect(tablet.getByRole("heading", { name: "API Keys" })).toBeVisible();

  await laptop.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expectToast(laptop, "1 other session signed out");
  await expect(sessionRows(laptop)).toHaveCount(1);
  await tablet.reload();
  await expect(tablet).toHaveURL(/\/sign-in/);
  await laptop.reload();
  await expect(laptop.getByRole("heading", { name: "Sessions" })).toBeVisible();
});

// The code an authenticator app would show `offsetSteps` periods from now.
function totpCode(secret: string, offsetSteps = 0) {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offsetSteps * 30_000 });
}

async function enrolTwoFactor(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await openProfile(page);
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await expect(section).toContainText("Off");
  await section.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up two-factor authentication" });
  await expect(dialog.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await dialog.getByLabel("Setup key").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await dialog.getByLabel("Authentication code").fill("000000");
  await dialog.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(dialog.getByText("That code is not valid.")).toBeVisible();
  await dialog.getByLabel("Authentication code").fill(totpCode(secret));
  await dialog.getByRole("button", { name: "Verify and turn on" }).click();

  const codesDialog = page.getByRole("dialog", { name: "Save your recovery codes" });
  // The same dialog turns into this one when the server answers; allTextContents does not wait.
  const codeItems = codesDialog.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codeItems).toHaveCount(10);
  const recoveryCodes = await codeItems.allTextContents();
  await codesDialog.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(codesDialog).toBeHidden();
  await expect(section).toContainText("On");
  await expect(section).toContainText("10 recovery codes left");
  return { secret, recoveryCodes };
}

async function signInWithCode(page: Page, account: TestAccount, code: string) {
  await submitCredentials(page, account.email, account.password);
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
}

test("two-factor authentication: enrol with an authenticator, then sign in with a TOTP code and with a recovery code", async ({ page }) => {
  // Four sign-ins, an enrolment and an account deletion: more than the default 30 s on a busy runner.
  test.slow();
  const account = await signUp(page, newAccount("Whitfield Diffie"));
  const { secret, recoveryCodes } = await enrolTwoFactor(page);
  await signOut(page);

  // The password alone is not enough any more; a wrong code is refused.
  await signInWithCode(page, account, "123456");
  await expect(page.locator("form").getByRole("alert")).toContainText("That code is not valid.");
  // The next period's code: the enrolment used this period's, and each code works once.
  await page.getByLabel("Authentication code").fill(totpCode(secret, 1));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  await signOut(page);

  await signInWithCode(page, account, recoveryCodes[3]);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  await openProfile(page);
  await expect(page.getByRole("region", { name: "Two-factor authentication" })).toContainText("9 recovery codes left");
  await signOut(page);

  // A used recovery code does not work twice.
  await signInWithCode(page, account, recoveryCodes[3]);
  await expect(page.locator("form").getByRole("alert")).toContainText("That code is not valid.");

  // The teardown cannot pass a second factor: the flow deletes its own account.
  await signInWithCode(page, account, recoveryCodes[4]);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  await deleteAccount(page, account);
});

test("sudo mode: Generate Key asks for the password again once 15 minutes have passed since it was given", async ({ page }) => {
  test.skip(!!process.env.E2E_BASE_URL, "Ages the session in the database of the server the flows start.");
  const account = await signUp(page, newAccount("Dennis Ritchie"));
  await openIntegrationSettings(page);
  // Freshly signed in: no prompt.
  await generateKey(page, "Fresh");
  await closeWithoutCopying(page, "Fresh");

  await expireSudoMode(account.email);
  await page.getByRole("button", { name: "Generate Key" }).click();
  const generate = page.getByRole("dialog", { name: "Generate API key" });
  await generate.getByLabel("Name").fill("After a break");
  await generate.getByRole("button", { name: "Generate key" }).click();

  const confirm = page.getByRole("dialog", { name: "Confirm access" });
  await confirm.getByLabel("Password").fill("not my password");
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm.getByText("That is not your password.")).toBeVisible();
  await confirm.getByLabel("Password").fill(account.password);
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(confirm).toBeHidden();

  // The action ran again once confirmed: the key is shown once, as always.
  const shown = page.getByRole("dialog", { name: 'API key "After a break" created' });
  await expect(shown.getByRole("textbox", { name: "API key" })).toHaveValue(/^sb_live_[0-9A-Za-z]{36}$/);
  await closeWithoutCopying(page, "After a break");

  // Within the next 15 minutes, no prompt.
  await generateKey(page, "Right after");
});
