import { expect, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { newAccount, signUp } from "./accounts";
import { generateKey, openIntegrationSettings, type KeyOptions } from "./api-keys";

// Signs up a new account in its own browser context and generates the named keys in Integration Settings.
export async function accountWithKeys<N extends string>(browser: Browser, keys: Record<N, KeyOptions>): Promise<Record<N, string>> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, newAccount());
  await openIntegrationSettings(page);
  const secrets = {} as Record<N, string>;
  for (const [name, options] of Object.entries(keys) as [N, KeyOptions][]) {
    secrets[name] = await generateKey(page, name, options);
    const shown = page.getByRole("dialog", { name: `API key "${name}" created` });
    await shown.getByRole("button", { name: "Done" }).click();
    await shown.getByRole("button", { name: "Close without copying" }).click();
    await expect(shown).toBeHidden();
  }
  await context.close();
  return secrets;
}

export type ApiClient = ReturnType<typeof client>;

// Requests authenticated with one key.
export function client(request: APIRequestContext, key: string) {
  const headers = { Authorization: `Bearer ${key}` };
  return {
    get: (path: string, params?: Record<string, string | number>) => request.get(path, { headers, params }),
    post: (path: string, data: unknown, extra: Record<string, string> = {}) => request.post(path, { headers: { ...headers, ...extra }, data }),
    patch: (path: string, data: unknown) => request.patch(path, { headers, data }),
    delete: (path: string) => request.delete(path, { headers }),
  };
}

export async function expectError(response: APIResponse, status: number, error: Record<string, string>) {
  expect(response.status(), await response.text()).toBe(status);
  expect((await response.json()).error).toMatchObject(error);
}

// Follows starting_after through a whole list with the given page size; returns each page.
export async function pageThrough(api: ApiClient, path: string, limit: number) {
  const pages: { data: { id: string }[]; has_more: boolean }[] = [];
  let startingAfter: string | undefined;
  do {
    const response = await api.get(path, { limit, ...(startingAfter ? { starting_after: startingAfter } : {}) });
    expect(response.status()).toBe(200);
    pages.push(await response.json());
    startingAfter = pages.at(-1)!.data.at(-1)?.id;
  } while (pages.at(-1)!.has_more);
  return pages;
}
