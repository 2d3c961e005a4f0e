import type { Page } from "@playwright/test";
import { signUp } from "./support/accounts";
import { closeWithoutCopying, generateKey, openIntegrationSettings } from "./support/api-keys";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { bearer, callRow, launchCall, openCalls } from "./support/calls";
import { expect, test } from "./support/test";

// The simulator fails a call to a number ending 0001 within seconds.
const CALL_ENDS = { timeout: 30_000 };
const DAY_MS = 24 * 60 * 60 * 1000;
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

const filterForm = (page: Page) => page.getByRole("form", { name: "Filter calls" });
// The filters the page's URL holds (a submitted GET form also sends the fields left empty).
async function expectFilters(page: Page, filters: Record<string, string>) {
  await expect
    .poll(() => Object.fromEntries([...new URL(page.url()).searchParams].filter(([name, value]) => value !== "" && !name.endsWith("_before") && !name.endsWith("_after"))))
    .toEqual(filters);
}
const rows = (page: Page) => page.getByRole("region", { name: "Calls" }).getByRole("row");

test("the Calls page filters by status, direction and dates in the URL, pages within them, and links each call to its contact", { tag: ["@calls", "@contacts"] }, async ({ page, request }) => {
  test.slow();
  await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "Dialer");
  await closeWithoutCopying(page, "Dialer");

  const contact = await request.post("/api/v1/contacts", { headers: bearer(key), data: { first_name: "Grace", last_name: "Hopper", phone: "+14155550001" } });
  expect(contact.status()).toBe(201);
  const contactId = (await contact.json()).id as string;
  // One call about Grace that fails, then 26 more: enough for a second page of outbound calls.
  const failing = await (await launchCall(request, key, { to: "+14155550001", contact_id: contactId })).json();
  const numbers = Array.from({ length: 26 }, (_, i) => `+1415557${String(1000 + i)}`);
  for (const to of numbers) expect((await launchCall(request, key, { to })).status()).toBe(201);

  // Outbound calls between yesterday and tomorrow (UTC): 27, so 25 and then 2; the links keep the filters.
  await openCalls(page);
  await filterForm(page).getByLabel("Direction").selectOption({ label: "Outbound" });
  await filterForm(page).getByLabel("From (UTC)").fill(utcDay(-1));
  await filterForm(page).getByLabel("To (UTC)").fill(utcDay(1));
  await filterForm(page).getByRole("button", { name: "Filter" }).click();
  await expectFilters(page, { direction: "outbound", from: utcDay(-1), to: utcDay(1) });
  await expect(rows(page)).toHaveCount(26);
  await expect(rows(page).nth(1)).toContainText(numbers[25]);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?direction=outbound&from=${utcDay(-1)}&to=${utcDay(1)}&starting_after=call_`));
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(2)).toContainText("+14155550001");
  await expect(filterForm(page).getByLabel("Direction")).toHaveValue("outbound");
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(new RegExp(`/calls\\?direction=outbound&from=${utcDay(-1)}&to=${utcDay(1)}&ending_before=call_`));
  await expect(rows(page)).toHaveCount(26);
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  // Failed calls: only Grace's, once the simulator has tried it; its contact links to her.
  await page.goto("/calls");
  await filterForm(page).getByLabel("Status").selectOption({ label: "Failed" });
  await filterForm(page).getByRole("button", { name: "Filter" }).click();
  await expectFilters(page, { status: "failed" });
  await expect(async () => {
    await page.reload();
    await expect(rows(page)).toHaveCount(2, { timeout: 1000 });
  }).toPass(CALL_ENDS);
  const row = callRow(page, "+14155550001");
  await expect(row).toContainText("Failed");
  await expectNoSeriousAxeViolations(page);
  await row.getByRole("link", { name: "Grace Hopper" }).click();
  await expect(page).toHaveURL(`/contacts?q=${contactId}`);
  await expect(page.getByRole("region", { name: "Contacts" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Contacts" })).toContainText("Grace Hopper");

  // The call's own page links to the contact too; a call without one says so.
  await page.goto(`/calls/${failing.id}`);
  await page.getByRole("region", { name: "Call details" }).getByRole("link", { name: "Grace Hopper" }).click();
  await expect(page).toHaveURL(`/contacts?q=${contactId}`);

  // Nothing in the range: the page says no call matches, and how to see them all.
  await page.goto("/calls?from=2001-01-01&to=2001-01-31");
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "show all calls" }).click();
  await expect(page).toHaveURL("/calls");
  await expect(rows(page)).toHaveCount(26);
});

test("a Calls link with bad parameters names each one and shows the page without them", { tag: ["@calls"] }, async ({ page }) => {
  await signUp(page);
  const response = await page.goto("/calls?status=bogus&direction=sideways&from=2026-02-30&to=2026-13-01&starting_after=call_x");
  expect(response?.status()).toBe(200);
  const alert = page.getByRole("alert").filter({ hasText: "not valid" });
  await expect(alert).toContainText("status: must be one of queued, ringing, in_progress, completed, no_answer, failed, canceled.");
  await expect(alert).toContainText("direction: must be outbound or inbound.");
  await expect(alert).toContainText("from: is not a date in the calendar.");
  await expect(alert).toContainText("to: is not a date in the calendar.");
  await expect(alert).toContainText("starting_after: must be a call id.");
  await expect(page.getByText("No calls yet.")).toBeVisible();

  await page.goto("/calls?from=2026-11-30&to=2026-11-01");
  await expect(page.getByRole("alert").filter({ hasText: "not valid" })).toContainText("from: must be on or before to.");
  await expectNoSeriousAxeViolations(page);
});
