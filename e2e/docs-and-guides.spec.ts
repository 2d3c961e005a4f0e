import { readFileSync } from "node:fs";
import path from "node:path";
import { signUp } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expect, test } from "./support/test";

const SNIPPET_FILES = ["verify.node.mjs", "verify.py", "verify.php"];

test("from the dashboard a user opens the API reference, jumps to webhooks and signature checks, then opens a guide from Integration Settings", { tag: ["@docs"] }, async ({ page, baseURL }) => {
  // A sign-up and a walk through the longest page of the app.
  test.slow();
  await signUp(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();

  const contents = page.getByRole("navigation", { name: "Contents" });
  await contents.getByRole("link", { name: "Webhooks", exact: true }).click();
  await expect(page).toHaveURL(/#webhooks$/);
  await expect(page.getByRole("heading", { name: "Webhooks", level: 2 })).toBeInViewport();

  await contents.getByRole("link", { name: "Verifying signatures" }).click();
  await expect(page).toHaveURL(/#verifying-signatures$/);
  await expect(page.getByRole("heading", { name: "Verifying webhook signatures", level: 2 })).toBeInViewport();
  // The snippets on the page are the files the unit tests run, character for character.
  for (const file of SNIPPET_FILES) {
    const snippet = page.getByRole("region", { name: new RegExp(file.replace(".", "\\.")) }).locator("pre");
    expect(await snippet.textContent()).toBe(readFileSync(path.join("lib", "docs", "snippets", file), "utf8"));
  }

  // An operation from the contents: its request and its documented answer.
  await contents.getByRole("link", { name: "Launch a call" }).click();
  const launch = page.getByRole("article", { name: "POST /api/v1/calls", exact: true });
  await expect(launch).toBeInViewport();
  await expect(launch.getByRole("heading", { name: /Response 201/ })).toBeVisible();
  await expect(launch.locator("pre").nth(1)).toContainText('"status": "queued"');

  await page.goto("/settings/integrations");
  await page.getByRole("region", { name: "Set-up guides" }).getByRole("link", { name: "Make guide" }).click();
  await expect(page).toHaveURL(/\/docs\/guides\/make$/);
  await expect(page.getByRole("heading", { name: "Switchboard with Make", level: 1 })).toBeVisible();
  // Examples name this deployment's API.
  await expect(page.getByText(`${baseURL}/api/v1/calls`, { exact: true }).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Documentation" }).getByRole("link", { name: "Integration guides" }).click();
  for (const tool of ["Make", "Zapier", "GoHighLevel (GHL)", "Hostaway", "n8n"]) {
    await expect(page.getByRole("link", { name: tool, exact: true })).toBeVisible();
  }
});

test("every entry of the API reference's contents leads to a section or operation on the page", { tag: ["@docs"] }, async ({ page }) => {
  await page.goto("/docs/api");
  // Checked in the page in one pass: a long page and a loaded machine make one expect per link slow.
  const targets = await page.getByRole("navigation", { name: "Contents" }).getByRole("link").evaluateAll((links) =>
    links.map((link) => {
      const href = link.getAttribute("href") ?? "";
      return { href, targets: href.startsWith("#") ? document.querySelectorAll(`[id="${href.slice(1)}"]`).length : 0 };
    }),
  );
  expect(targets.length).toBeGreaterThan(20);
  expect(targets.filter((target) => target.targets !== 1)).toEqual([]);
});

for (const url of ["/docs/api", "/docs/guides", "/docs/guides/make", "/docs/guides/zapier", "/docs/guides/ghl", "/docs/guides/hostaway", "/docs/guides/n8n"]) {
  test(`${url} has no serious accessibility violations`, { tag: ["@docs"] }, async ({ page }) => {
    // axe runs every WCAG A/AA rule over the page (the reference has a few thousand nodes): on a
    // loaded machine that alone took 13–55 s, and 90 s for the reference at a load average of 35.
    test.slow();
    if (url === "/docs/api") test.setTimeout(test.info().timeout * 2);
    await page.goto(url);
    await expectNoSeriousAxeViolations(page);
  });
}

test("an unknown guide is a 404", { tag: ["@docs"] }, async ({ page }) => {
  const response = await page.goto("/docs/guides/no-such-tool");
  expect(response?.status()).toBe(404);
});
