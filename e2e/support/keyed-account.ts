import { expect, type Browser, type Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "./accounts";
import { closeWithoutCopying, generateKey, openIntegrationSettings, type KeyOptions } from "./api-keys";

export type KeyedAccount = { account: TestAccount; page: Page; keys: string[]; close(): Promise<void> };

// A fresh account, signed in on its own browser context and left on Integration Settings,
// with one key per entry generated through the Generate Key dialog.
export async function signUpWithKeys(
  browser: Browser,
  baseURL: string | undefined,
  name: string,
  keys: { name: string; options?: KeyOptions }[],
): Promise<KeyedAccount> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const account = await signUp(page, newAccount(name));
  await openIntegrationSettings(page);
  const secrets: string[] = [];
  for (const key of keys) {
    secrets.push(await generateKey(page, key.name, key.options));
    await closeWithoutCopying(page, key.name);
  }
  await expect(page.getByRole("dialog")).toHaveCount(0);
  return { account, page, keys: secrets, close: () => context.close() };
}
