import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";

export type TestAccount = { name: string; email: string; password: string };

export function newAccount(name = "Ada Lovelace"): TestAccount {
  return { name, email: `qa-${randomUUID()}@example.com`, password: "correct horse battery" };
}

export async function signUp(page: Page, account: TestAccount = newAccount()): Promise<TestAccount> {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  return account;
}

export async function signIn(page: Page, account: TestAccount) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
}
