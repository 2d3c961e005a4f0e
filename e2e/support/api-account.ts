import type { APIRequestContext, APIResponse, Browser, Page } from "@playwright/test";
import type { operations, Schemas } from "@switchboard/sdk";
import { newAccount, signUp } from "./accounts";
import { validating, type ApiContract } from "./api-contract";
import { generateKey, openIntegrationSettings, type KeyOptions } from "./api-keys";
import { expectData, pagesOf, sdk } from "./sdk";
import { test as base, expect } from "./test";

// A signed-up account whose Integration Settings page stays open, so tests can generate more keys.
export type ApiAccount = {
  accountId: string;
  // Generates a key through the Generate Key dialog and closes it.
  newKey(name: string, options?: KeyOptions): Promise<string>;
};

async function openApiAccount(browser: Browser, baseURL: string | undefined, name: string, contract: ApiContract): Promise<{ account: ApiAccount; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signUp(page, newAccount(name));
  await openIntegrationSettings(page);
  const settingsUrl = page.url();

  const newKey = async (keyName: string, options?: KeyOptions) => {
    // A fresh load, so a dialog a failed test left open cannot get in the way.
    await page.goto(settingsUrl);
    const secret = await generateKey(page, keyName, options);
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Close without copying" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    return secret;
  };
  const first = await newKey("Account lookup");
  const me = await validating(context.request, contract).get("/api/v1/me", { headers: auth(first) });
  expect(me.status()).toBe(200);
  return { account: { accountId: (await me.json()).id, newKey }, page };
}

export const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

// One key of the worker's account, made for this test, so per-key rate limits never leak between tests.
export type ApiKey = { secret: string; id: string; headers: Record<string, string> };

async function describeKey(request: APIRequestContext, secret: string): Promise<ApiKey> {
  const me = await expectData(sdk(request, secret).GET("/api/v1/me"));
  return { secret, id: me.api_key.id, headers: auth(secret) };
}

export const test = base.extend<{ apiKey: ApiKey; otherApiKey: ApiKey }, { apiAccount: ApiAccount; otherApiAccount: ApiAccount }>({
  apiAccount: [
    async ({ browser, apiContract }, provide, workerInfo) => {
      const { account, page } = await openApiAccount(browser, workerInfo.project.use.baseURL, "Ada Lovelace", apiContract);
      await provide(account);
      await page.context().close();
    },
    { scope: "worker" },
  ],
  otherApiAccount: [
    async ({ browser, apiContract }, provide, workerInfo) => {
      const { account, page } = await openApiAccount(browser, workerInfo.project.use.baseURL, "Mallory Stranger", apiContract);
      await provide(account);
      await page.context().close();
    },
    { scope: "worker" },
  ],
  apiKey: async ({ apiAccount, request }, provide, testInfo) => {
    await provide(await describeKey(request, await apiAccount.newKey(`Test ${testInfo.testId}`)));
  },
  otherApiKey: async ({ otherApiAccount, request }, provide, testInfo) => {
    await provide(await describeKey(request, await otherApiAccount.newKey(`Other ${testInfo.testId}`)));
  },
});

export { expect };

const ERROR_TYPES_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  409: "conflict_error",
  429: "rate_limit_error",
  500: "api_error",
};

// Every failure is the same JSON object: {"error": {type, code, message, param?}}, typed by its status.
export async function expectApiError(response: APIResponse, status: number, expected: { code?: string; param?: string } = {}) {
  expect(response.status(), await response.text()).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(response.headers()["request-id"]).toMatch(/^req_[\w-]+$/);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  const { error } = body;
  expect(Object.keys(error).filter((field) => !["type", "code", "message", "param"].includes(field))).toEqual([]);
  expect(error.type).toBe(ERROR_TYPES_BY_STATUS[status]);
  expect(error.code).toMatch(/^[a-z_]+$/);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(10);
  if (expected.code) expect(error.code).toBe(expected.code);
  if ("param" in expected) expect(error.param).toBe(expected.param);
  return error as { type: string; code: string; message: string; param?: string };
}

export async function launchCall(request: APIRequestContext, key: ApiKey, body: Schemas["CreateCall"], headers: Record<string, string> = {}) {
  return expectData(sdk(request, key.secret).POST("/api/v1/calls", { body, headers }), 201);
}

export async function callStatus(request: APIRequestContext, key: ApiKey, id: string) {
  return (await expectData(sdk(request, key.secret).GET("/api/v1/calls/{id}", { params: { path: { id } } }))).status;
}

type CallQuery = NonNullable<operations["listCalls"]["parameters"]["query"]>;

// Every call of the key's account, following starting_after page by page.
export async function allCalls(request: APIRequestContext, key: ApiKey, query: CallQuery = {}): Promise<Schemas["Call"][]> {
  const api = sdk(request, key.secret);
  const pages = await pagesOf((startingAfter) => expectData(api.GET("/api/v1/calls", { params: { query: { limit: 100, ...query, starting_after: startingAfter } } })));
  return pages.flatMap((page) => page.data);
}

// Rate-limit windows are 10 s and aligned to the clock. A test that counts requests inside one
// window starts at least `needMs` before the window ends, so the count cannot reset midway.
export async function awaitRoomInRateLimitWindow(needMs: number, windowMs = 10_000) {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
