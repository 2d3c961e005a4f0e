import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { displayOf, keyRow } from "./support/api-keys";
import { forwardedAddressTrusted } from "./support/forwarded-client";
import { signUpWithKeys } from "./support/keyed-account";

// On the Playwright config's server, X-Forwarded-For names the client address the log records.
const CLIENT = { "X-Forwarded-For": "203.0.113.77", "User-Agent": "logs-e2e/1.0" };

function call(request: APIRequestContext, key: string, path: string) {
  return request.get(path, { headers: { ...CLIENT, Authorization: `Bearer ${key}` } });
}

function logRows(page: Page) {
  return page.getByRole("region", { name: "Requests" }).getByRole("row").filter({ has: page.getByRole("rowheader") });
}

// Requests reach the log with the next flush (USAGE_FLUSH_INTERVAL_SECONDS, 2 s by default).
async function reloadUntilRows(page: Page, count: number) {
  await expect(async () => {
    await page.reload();
    await expect(logRows(page)).toHaveCount(count, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test("an owner finds the requests made with their keys in the Logs page, by filter and by Request-Id", { tag: ["@keys"] }, async ({ browser, baseURL, request }) => {
  // A long flow (sign-up, two keys, a deletion, five filtered views): about 30 s on a 2-core CI machine.
  test.slow();
  const owner = await signUpWithKeys(browser, baseURL, "Logs owner", [{ name: "Reporting" }, { name: "Old integration" }]);
  const [reporting, old] = owner.keys;
  const { page } = owner;
  try {
    const first = await call(request, reporting, "/api/v1/me");
    expect(first.status()).toBe(200);
    expect((await call(request, reporting, "/api/v1/me")).status()).toBe(200);
    const bad = await call(request, reporting, "/api/v1/calls/nope");
    expect(bad.status()).toBe(400);
    const badCode = (await bad.json()).error.code as string;
    const requestId = first.headers()["request-id"];
    expect(requestId).toMatch(/^req_/);

    // The old key is deleted; the integration still using it is refused as before, and the
    // refused request is logged against that key.
    await keyRow(page, displayOf(old)).getByRole("button", { name: /^Delete/ }).click();
    const confirm = page.getByRole("dialog", { name: 'Delete API key "Old integration"?' });
    await confirm.getByRole("button", { name: "Delete key" }).click();
    // While the dialog is open the page behind it is hidden from the accessibility tree, so the
    // row's absence only counts once the dialog has closed (the deletion is done by then).
    await expect(confirm).toBeHidden();
    await expect(keyRow(page, displayOf(old))).toHaveCount(0);
    await expect(keyRow(page, displayOf(reporting))).toBeVisible();
    const refused = await call(request, old, "/api/v1/me");
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toMatchObject({ type: "authentication_error", code: "revoked_api_key" });
    // A key no account has is not logged anywhere.
    expect((await call(request, "sb_live_000000000000000000000000000000000000", "/api/v1/me")).status()).toBe(401);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Logs" }).click();
    await expect(page.getByRole("heading", { name: "Logs" })).toBeVisible();
    await reloadUntilRows(page, 4);
    // Newest first: the refused request of the deleted key leads.
    await expect(logRows(page).first()).toContainText("401");
    await expect(logRows(page).first()).toContainText("Old integration (revoked)");
    await expect(logRows(page).first()).toContainText("revoked_api_key");
    const badRow = logRows(page).filter({ hasText: "/api/v1/calls/{id}" });
    await expect(badRow).toHaveCount(1);
    await expect(badRow).toContainText("400");
    await expect(badRow).toContainText(badCode);
    if (forwardedAddressTrusted) await expect(badRow).toContainText("203.0.113.77");
    else await expect(badRow).not.toContainText("203.0.113.77");
    await expect(badRow).toContainText("logs-e2e/1.0");
    await expect(badRow).toContainText("Reporting");

    // Filters go into the URL and narrow the list.
    const filters = page.getByRole("form", { name: "Filter requests" });
    await filters.getByLabel("Status").selectOption("4xx");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/status=4xx/);
    await expect(logRows(page)).toHaveCount(2);

    await filters.getByLabel("Key").selectOption({ label: `Old integration (${displayOf(old)}), revoked` });
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/key=/);
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page)).toContainText("revoked_api_key");

    await filters.getByLabel("Key").selectOption({ label: `Reporting (${displayOf(reporting)})` });
    await filters.getByLabel("Status").selectOption("2xx");
    await filters.getByLabel("Method").selectOption("GET");
    await filters.getByLabel("Route").selectOption("/api/v1/me");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/route=%2Fapi%2Fv1%2Fme/);
    await expect(logRows(page)).toHaveCount(2);

    // The Request-Id an answer carried finds that one request.
    const search = page.getByRole("search", { name: "Find a request by Request-Id" });
    await search.getByLabel("Request-Id").fill(requestId);
    await search.getByRole("button", { name: "Find request" }).click();
    await expect(logRows(page)).toHaveCount(1);
    await expect(logRows(page)).toContainText(requestId);
    await expect(logRows(page)).toContainText("/api/v1/me");

    await search.getByLabel("Request-Id").fill("req_doesnotexist");
    await search.getByRole("button", { name: "Find request" }).click();
    await expect(page.getByText("No request of yours has the Request-Id req_doesnotexist")).toBeVisible();
  } finally {
    await owner.close();
  }
});
