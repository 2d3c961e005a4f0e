import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { recordDeletion, recordSignUp } from "./account-ledger";

export type TestAccount = { name: string; email: string; password: string };

export function newAccount(name = "Ada Lovelace"): TestAccount {
  return { name, email: `qa-${randomUUID()}@example.com`, password: "correct horse battery" };
}

// Creating an account hashes the password (scrypt) and lands on the overview, whose queries run for
// the first time: with two workers on two cores that took over the 10 s of an expectation in CI.
const LANDING_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 30_000);

export async function signUp(page: Page, account: TestAccount = newAccount()): Promise<TestAccount> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  // Recorded before submitting: a test that fails right after must not leave the account behind.
  recordSignUp(account);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible({ timeout: LANDING_TIMEOUT_MS });
  return account;
}

// Fills in and sends the sign-in form, leaving what follows to the caller (the global teardown
// also expects refusals).
export async function submitSignIn(page: Page, account: TestAccount) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signIn(page: Page, account: TestAccount) {
  await submitSignIn(page, account);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible({ timeout: LANDING_TIMEOUT_MS });
}

// Profile Settings → Danger zone → Delete account, confirmed with the password and the email.
// The page must be signed in as the account.
export async function deleteAccount(page: Page, account: TestAccount) {
  await page.goto("/settings/profile");
  await page.getByRole("button", { name: "Delete account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await dialog.getByLabel("Password").fill(account.password);
  await dialog.getByLabel(`Type ${account.email} to confirm`).fill(account.email);
  await dialog.getByRole("button", { name: "Delete this account" }).click();
  // waitFor rather than expect: the global teardown calls this outside a test, with its own timeouts.
  await page.getByRole("status").filter({ hasText: "Your account and its data were deleted." }).waitFor();
  await page.waitForURL(/\/sign-in/);
  recordDeletion(account);
}
