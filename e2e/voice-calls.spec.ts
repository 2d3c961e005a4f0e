import { expect, test } from "./support/test";
import { newAccount, signUp } from "./support/accounts";
import { closeWithoutCopying, displayOf, generateKey, keyRow, openIntegrationSettings } from "./support/api-keys";
import { bearer, callRow, launchCall, openCalls } from "./support/calls";

const BOOKING_CALL = { to: "+14155550123", agent: "Booking assistant", variables: { first_name: "Ada" } };
// The simulator takes a few seconds to ring, answer and hang up.
const CALL_ENDS = { timeout: 20_000 };

test("a restricted key with Calls: Read lists calls but cannot launch one", { tag: ["@calls", "@phone"] }, async ({ page, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);

  // Restricted with every resource at None grants nothing, and the dialog says so.
  await page.getByRole("button", { name: "Generate Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API key" });
  await dialog.getByLabel("Name").fill("Reporting");
  await dialog.getByRole("radio", { name: "Restricted" }).check();
  await dialog.getByRole("button", { name: "Generate key" }).click();
  await expect(dialog.getByText("A restricted key needs at least one permission.")).toBeVisible();

  await dialog.getByLabel("Calls", { exact: true }).selectOption({ label: "Read" });
  await dialog.getByRole("button", { name: "Generate key" }).click();
  const key = await page.getByRole("dialog", { name: 'API key "Reporting" created' }).getByRole("textbox", { name: "API key" }).inputValue();
  await closeWithoutCopying(page, "Reporting");
  await expect(keyRow(page, displayOf(key))).toContainText("Calls: Read · Contacts: None · Routing: None");

  const list = await request.get("/api/v1/calls", { headers: bearer(key) });
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ object: "list", data: [], has_more: false });

  const launch = await launchCall(request, key, BOOKING_CALL);
  expect(launch.status()).toBe(403);
  const { error } = await launch.json();
  expect(error).toMatchObject({ type: "permission_error", code: "missing_permission" });
  expect(error.message).toContain("calls:write");
});

test("a call launched with a Full access key completes on the Calls page and shows its transcript", { tag: ["@calls", "@phone"] }, async ({ page, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "Booking bot", { access: "Full access" });
  await closeWithoutCopying(page, "Booking bot");

  const launch = await launchCall(request, key, BOOKING_CALL);
  expect(launch.status()).toBe(201);
  const call = await launch.json();
  expect(call.status).toBe("queued");

  // The page refreshes itself while the call is in progress: no reload here.
  await openCalls(page);
  const row = callRow(page, BOOKING_CALL.to);
  await expect(row.getByText("Completed", { exact: true })).toBeVisible(CALL_ENDS);
  await expect(row).toContainText("Outbound");
  await expect(row).toContainText("Booking assistant");
  await expect(row).toContainText("Booking bot");
  await expect(row).toContainText(displayOf(key));

  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
  await expect(page.getByRole("heading", { name: `Call to ${BOOKING_CALL.to}` })).toBeVisible();
  await expect(page.getByRole("main").getByText("Completed", { exact: true })).toBeVisible();
  const details = page.getByRole("region", { name: "Call details" });
  await expect(details).toContainText("Booking bot");
  await expect(details).toContainText(displayOf(key));
  await expect(page.getByRole("region", { name: "Summary" })).toContainText(
    "Booking assistant completed the outbound call to +14155550123",
  );
  const transcript = page.getByRole("region", { name: "Transcript" }).getByRole("listitem");
  await expect(transcript.first()).toHaveText(/Booking assistant.*Hi Ada, this is Booking assistant calling\./);
  await expect(transcript).toHaveCount(4);
  const variables = page.getByRole("region", { name: "Variables" });
  await expect(variables.getByRole("term")).toHaveText(["first_name"]);
  await expect(variables.getByRole("definition")).toHaveText(["Ada"]);
  const timeline = page.getByRole("region", { name: "Timeline" }).getByRole("listitem");
  const moments = /^(now|\d+ seconds? ago|1 minute ago)$/;
  await expect(timeline.locator("time")).toHaveText([moments, moments, moments, moments]);
  await expect(timeline).toHaveText([/^Created/, /^Ringing/, /^Answered/, /^Ended/]);
});

test("a call to a number ending 0000 ends no_answer, and only its owner can open it", { tag: ["@calls"] }, async ({ page, browser, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "Dialer");
  await closeWithoutCopying(page, "Dialer");

  const call = await (await launchCall(request, key, { to: "+14155550000" })).json();
  await page.goto(`/calls/${call.id}`);
  await expect(page.getByRole("heading", { name: "Call to +14155550000" })).toBeVisible();
  await expect(page.getByRole("main").getByText("No answer", { exact: true })).toBeVisible(CALL_ENDS);
  await expect(page.getByRole("region", { name: "Transcript" })).toContainText("No transcript for this call.");
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("listitem").nth(2)).toHaveText(/^Answered—$/);

  await openCalls(page);
  await expect(callRow(page, "+14155550000").getByText("No answer", { exact: true })).toBeVisible();

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, newAccount("Someone else"));
  await other.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" }).click();
  await expect(other.getByText("No calls yet.")).toBeVisible();
  const response = await other.goto(`/calls/${call.id}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("+14155550000")).toHaveCount(0);
  await otherContext.close();
});

test("the Calls page shows 25 calls a page, newest first", { tag: ["@calls"] }, async ({ page, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "Bulk");
  await closeWithoutCopying(page, "Bulk");

  // Launched one after another, so creation order is the numbers' order.
  const numbers = Array.from({ length: 26 }, (_, i) => `+1415556${String(1000 + i)}`);
  for (const to of numbers) expect((await launchCall(request, key, { to })).status()).toBe(201);

  await openCalls(page);
  const rows = page.getByRole("main").getByRole("row");
  await expect(rows).toHaveCount(26);
  await expect(rows.nth(1)).toContainText(numbers[25]);
  await expect(callRow(page, numbers[0])).toHaveCount(0);

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(numbers[0]);
  await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await page.getByRole("link", { name: "Previous" }).click();
  await expect(rows).toHaveCount(26);
  await expect(rows.nth(1)).toContainText(numbers[25]);
  await expect(page.getByRole("link", { name: "Previous" })).toHaveCount(0);
});

test("a signed-out visitor opening /calls is sent to sign-in", { tag: ["@calls"] }, async ({ page }) => {
  await page.goto("/calls");
  await expect(page).toHaveURL(/\/sign-in$/);
});
