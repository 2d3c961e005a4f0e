import type { Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { closeWithoutCopying, generateKey } from "./support/api-keys";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { bearer, launchCall } from "./support/calls";
import { expect, test } from "./support/test";
import { hasWebhookReceiver, openWebhookInbox, unreachableWebhookUrl } from "./support/webhook-inbox";

// The simulator rings, answers and hangs up within seconds; the usage flush writes request
// counts every 2 s. The overview is server-rendered, so each check reloads it until it shows.
const SETTLES = { timeout: 30_000 };

const checklist = (page: Page) => page.getByRole("region", { name: "Getting started" });
const step = (page: Page, title: string) => checklist(page).getByRole("listitem").filter({ hasText: title });
const chart = (page: Page, testId: string) => page.getByTestId(testId);

async function openOverview(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Switchboard" }).click();
  await expect(page.getByRole("heading", { name: /^Welcome, / })).toBeVisible();
}

// Reloads the overview until `check` passes: what it shows is read when the page renders.
async function eventually(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass(SETTLES);
}

test("a new account's overview ticks its checklist and charts the first calls, requests and deliveries", { tag: ["@account", "@calls"] }, async ({ page, request }) => {
  test.slow();
  const account = await signUp(page, newAccount("Grace Hopper"));

  // Nothing done yet: four open steps, each linking to where it is done, and empty charts.
  await expect(checklist(page)).toContainText("0 of 4 steps done");
  for (const title of ["Create an API key", "Make your first API request", "Add a webhook endpoint", "Place your first call"]) {
    await expect(step(page, title)).toContainText("(to do)");
  }
  const links = [
    ["Create an API key", "Generate a key", "/settings/integrations#api-keys-heading"],
    ["Make your first API request", "Read the API reference", "/docs/api#getMe"],
    ["Add a webhook endpoint", "Add an endpoint", "/settings/integrations#webhooks-heading"],
    ["Place your first call", "See how to launch a call", "/docs/api#createCall"],
  ];
  for (const [title, link, href] of links) await expect(step(page, title).getByRole("link", { name: link })).toHaveAttribute("href", href);
  await expect(chart(page, "calls-chart")).toHaveAttribute("aria-label", /0 in all/);
  await expect(chart(page, "requests-chart")).toHaveAttribute("aria-label", /0 in all/);
  await expect(chart(page, "deliveries-chart")).toHaveAttribute("aria-label", /0 in all/);
  await expect(page.getByRole("region", { name: "Latest calls" })).toContainText("No calls yet.");
  await expectNoSeriousAxeViolations(page);

  // Step 1: a key, through Integration Settings as the link says.
  await step(page, "Create an API key").getByRole("link", { name: "Generate a key" }).click();
  await expect(page).toHaveURL(/\/settings\/integrations#api-keys-heading$/);
  const key = await generateKey(page, "Overview bot");
  await closeWithoutCopying(page, "Overview bot");
  await openOverview(page);
  await expect(step(page, "Create an API key")).toContainText("(done)");
  await expect(step(page, "Make your first API request")).toContainText("(to do)");

  // Step 2: a first request with the key (counted by the usage flush a moment later), and one
  // that is refused, so the chart has a client error too.
  expect((await request.get("/api/v1/me", { headers: bearer(key) })).status()).toBe(200);
  expect((await request.get("/api/v1/calls/call_000000000aaaaaaaaaaaaaaaa", { headers: bearer(key) })).status()).toBe(404);
  await eventually(page, () => expect(step(page, "Make your first API request")).toContainText("(done)", { timeout: 1000 }));

  // Step 3: an endpoint, added through the API as Zapier would, for call.queued only.
  const inbox = hasWebhookReceiver() ? await openWebhookInbox() : null;
  try {
    const endpoint = await request.post("/api/v1/webhook-endpoints", {
      headers: bearer(key),
      data: { url: inbox?.url ?? unreachableWebhookUrl("overview"), events: ["call.queued"] },
    });
    expect(endpoint.status()).toBe(201);
    await page.reload();
    await expect(step(page, "Add a webhook endpoint")).toContainText("(done)");

    // Step 4: two calls, one answered and one not.
    for (const to of ["+14155550123", "+14155550000"]) expect((await launchCall(request, key, { to, agent: "Overview agent" })).status()).toBe(201);
    await page.reload();
    await expect(step(page, "Place your first call")).toContainText("(done)");
    await expect(checklist(page)).toContainText("All set: every step is done.");
    if (inbox) await expect.poll(async () => (await inbox.messages()).length, SETTLES).toBe(2);
  } finally {
    await inbox?.close();
  }

  // The charts count what happened today (the last bar), in their labels and hidden tables.
  await eventually(page, async () => {
    await expect(chart(page, "calls-chart")).toHaveAttribute("aria-label", /2 in all, 1 completed, 1 no answer, 0 failed, 0 canceled, 0 in progress/, { timeout: 1000 });
    await expect(chart(page, "requests-chart")).toHaveAttribute("aria-label", /5 in all, 4 succeeded \(2xx\), 1 client errors \(4xx\)/, { timeout: 1000 });
  });
  const deliveries = hasWebhookReceiver() ? /2 in all, 2 succeeded, 0 failed, 0 still being retried; success rate 100%/ : /2 in all/;
  await eventually(page, () => expect(chart(page, "deliveries-chart")).toHaveAttribute("aria-label", deliveries, { timeout: 1000 }));
  await expect(page.getByRole("region", { name: "Calls, last 30 days" })).toContainText("Calls2");
  await expect(page.getByRole("table", { name: "Calls per day by outcome, last 30 days" }).getByRole("row").last()).toHaveText(/1\s*1\s*0\s*0\s*0$/);

  // Recent activity: the calls, newest first, and the key's creation in the audit trail.
  const latest = page.getByRole("region", { name: "Latest calls" }).getByRole("listitem");
  await expect(latest).toHaveCount(2);
  await expect(latest.first()).toContainText("To +14155550000");
  await expect(latest.first()).toContainText("No answer");
  await expect(page.getByRole("region", { name: "Account activity" })).toContainText("API key created by you");
  await expect(page.getByRole("region", { name: "Account activity" })).toContainText("Webhook endpoint added by an API key");
  await latest.last().getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Call to +14155550123" })).toBeVisible();

  await openOverview(page);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("the overview's checklist and charts are server-rendered: they show with JavaScript turned off", { tag: ["@account"] }, async ({ browser }) => {
  // No client JavaScript: with it turned off, the page still shows everything.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const account = newAccount("Katherine Johnson");
  const setUp = await browser.newContext();
  const setUpPage = await setUp.newPage();
  await signUp(setUpPage, account);
  await context.addCookies(await setUp.cookies());
  await page.goto("/");
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
  await expect(checklist(page)).toContainText("0 of 4 steps done");
  for (const id of ["calls-chart", "requests-chart", "deliveries-chart"]) {
    await expect(page.getByTestId(id)).toHaveAttribute("role", "img");
  }
  await expect(page.getByRole("table", { name: "Webhook deliveries per day by result, last 30 days" }).getByRole("row")).toHaveCount(31);
  await setUp.close();
  await context.close();
});
