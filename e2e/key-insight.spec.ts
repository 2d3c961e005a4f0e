import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signUp } from "./support/accounts";
import { closeWithoutCopying, displayOf, generateKey, keyRow, me, openIntegrationSettings } from "./support/api-keys";
import { insertKeyUsage, setKeyExpiry } from "./support/key-usage";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const startOfHour = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR);
const startOfDay = (ms: number) => new Date(Math.floor(ms / DAY) * DAY);

async function keyIdOf(page: Page, name: string, display: string): Promise<string> {
  const href = await keyRow(page, display).getByRole("link", { name }).getAttribute("href");
  const id = href?.match(/\/settings\/integrations\/keys\/([^/?]+)$/)?.[1];
  if (!id) throw new Error(`No key page link for ${name}: ${href}`);
  return id;
}

// Usage history and expiry dates are written into the database of the server the flows start.
test.skip(!!process.env.E2E_BASE_URL, "writes usage history and expiry dates into the test server's own database");

const chart = (page: Page) => page.getByRole("img", { name: /^Requests by status class/ });
const stat = (page: Page, label: string) => page.getByRole("term").filter({ hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd");

test("a key's page charts its requests by status class over 24 hours, 7 and 30 days", { tag: ["@keys"] }, async ({ page, request }) => {
  // Two keys, a wait for the usage flush and three chart periods: over 20 s on a 2-core CI machine.
  test.slow();
  await signUp(page);
  await openIntegrationSettings(page);

  // A key in real use: its page renders whatever the usage flush has recorded so far.
  const live = await generateKey(page, "Live integration");
  await closeWithoutCopying(page, "Live integration");
  for (let index = 0; index < 3; index += 1) expect((await me(request, live)).status()).toBe(200);
  expect((await request.get("/api/v1/calls/call_missing", { headers: { Authorization: `Bearer ${live}` } })).status()).toBeGreaterThanOrEqual(400);

  // A key with history: hourly rows as the flush writes them, in hours the server is not writing.
  const reporting = await generateKey(page, "Reporting");
  await closeWithoutCopying(page, "Reporting");
  const reportingId = await keyIdOf(page, "Reporting", displayOf(reporting));
  const now = Date.now();
  await insertKeyUsage(reportingId, [
    { hour: startOfHour(now - 2 * HOUR), count2xx: 12, count4xx: 2, count5xx: 1, latencyMsSum: 1500, latencyMsMax: 400 },
    { hour: new Date(startOfDay(now).getTime() - 3 * DAY + 12 * HOUR), count2xx: 20, latencyMsSum: 2000, latencyMsMax: 150 },
    { hour: new Date(startOfDay(now).getTime() - 20 * DAY + 12 * HOUR), count2xx: 40, latencyMsSum: 4000, latencyMsMax: 150 },
  ]);

  // The list: a 7-day sparkline per key, from the same rows.
  await page.reload();
  await expect(keyRow(page, displayOf(reporting)).getByRole("img", { name: "35 requests in the last 7 days" })).toBeVisible();
  await expect(keyRow(page, displayOf(live)).getByRole("img", { name: /requests? in the last 7 days$/ })).toBeVisible();

  // Its page, from its row: 24 hours by default.
  await keyRow(page, displayOf(reporting)).getByRole("link", { name: "Reporting" }).click();
  await expect(page.getByRole("heading", { name: "Reporting", level: 2 })).toBeVisible();
  await expect(page.getByText(displayOf(reporting), { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Requests in the last 24 hours" })).toBeVisible();
  await expect(chart(page)).toHaveAccessibleName(/15 in all, 12 succeeded \(2xx\), 2 client errors \(4xx\), 1 server errors \(5xx\); error rate 20%/);
  await expect(stat(page, "Error rate")).toHaveText("20%");
  await expect(stat(page, "Average latency")).toHaveText("100 ms");
  await expect(page.getByRole("table", { name: "Requests per hour over the last 24 hours" }).getByRole("row")).toHaveCount(25);
  await expect(page.getByRole("link", { name: "24 hours" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("navigation", { name: "Chart period" }).getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/\?range=7d$/);
  await expect(page.getByRole("heading", { name: "Requests in the last 7 days" })).toBeVisible();
  await expect(chart(page)).toHaveAccessibleName(/35 in all, 32 succeeded .*error rate 8\.6%/);
  await expect(page.getByRole("table", { name: "Requests per day over the last 7 days" }).getByRole("row")).toHaveCount(8);

  await page.getByRole("navigation", { name: "Chart period" }).getByRole("link", { name: "30 days" }).click();
  await expect(page).toHaveURL(/\?range=30d$/);
  await expect(chart(page)).toHaveAccessibleName(/75 in all, 72 succeeded .*error rate 4\.0%/);
  await expect(stat(page, "Requests")).toHaveText("75");
  await expect(page.getByRole("table", { name: "Requests per day over the last 30 days" }).getByRole("row")).toHaveCount(31);

  // The live key's real requests (three answered, one refused) reach its chart with the usage flush.
  await page.getByRole("link", { name: "API keys", exact: true }).click();
  await keyRow(page, displayOf(live)).getByRole("link", { name: "Live integration" }).click();
  await expect(page.getByRole("heading", { name: "Live integration", level: 2 })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(chart(page)).toHaveAccessibleName(/^Requests by status class.*4 in all, 3 succeeded \(2xx\), 1 client errors \(4xx\)/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("Last used from")).toBeVisible();

  // Another id, or a made-up one, is not found.
  const missing = await page.goto("/settings/integrations/keys/not-a-key");
  expect(missing?.status()).toBe(404);
});

test("a key expiring in 3 days is badged in the list and named in the overview's banner", { tag: ["@keys"] }, async ({ page }) => {
  const account = await signUp(page);
  // No keys, nothing to look at.
  await expect(page.getByRole("region", { name: /needs? attention$/ })).toHaveCount(0);
  await openIntegrationSettings(page);
  const steady = await generateKey(page, "Steady");
  await closeWithoutCopying(page, "Steady");
  const soon = await generateKey(page, "Booking sync", { expiration: "7 days" });
  await closeWithoutCopying(page, "Booking sync");

  // A key made to last a week is within the warning from the start.
  await expect(keyRow(page, displayOf(soon)).getByText(/^expires in [67] days$/)).toBeVisible();
  await expect(keyRow(page, displayOf(steady)).getByText(/^expires in/)).toHaveCount(0);

  // Four days later, as far as the key is concerned.
  const soonId = await keyIdOf(page, "Booking sync", displayOf(soon));
  await setKeyExpiry(soonId, new Date(Date.now() + 3 * DAY));
  await page.reload();
  await expect(keyRow(page, displayOf(soon)).getByText("expires in 3 days", { exact: true })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Switchboard" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  const banner = page.getByRole("region", { name: "1 API key needs attention" });
  await expect(banner).toContainText("expires in 3 days");
  await expect(banner).not.toContainText("Steady");
  await banner.getByRole("link", { name: "Booking sync" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/integrations/keys/${soonId}$`));
  await expect(page.getByRole("heading", { name: "Booking sync", level: 2 })).toBeVisible();
  await expect(page.getByText("expires in 3 days", { exact: true })).toBeVisible();
});
