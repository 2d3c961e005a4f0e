import type { Browser } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "../../support/accounts";
import { closeWithoutCopying, generateKey, openIntegrationSettings, type KeyOptions } from "../../support/api-keys";

// A new account on `baseURL` with the named keys, generated through the Generate Key dialog.
export async function accountWithKeys<N extends string>(
  browser: Browser,
  baseURL: string,
  keys: Record<N, KeyOptions>,
): Promise<{ account: TestAccount; keys: Record<N, string> }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const account = await signUp(page, newAccount());
  await openIntegrationSettings(page);
  const secrets = {} as Record<N, string>;
  for (const [name, options] of Object.entries(keys) as [N, KeyOptions][]) {
    secrets[name] = await generateKey(page, name, options);
    await closeWithoutCopying(page, name);
  }
  await context.close();
  return { account, keys: secrets };
}
