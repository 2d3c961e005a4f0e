import type { Browser, Page } from "@playwright/test";
import { newAccount, signUp } from "./support/accounts";
import { closeWithoutCopying, generateKey, openIntegrationSettings } from "./support/api-keys";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { bearer, launchCall } from "./support/calls";
import { expect, test } from "./support/test";

// How light the page's background is as painted (0 black … 1 white), whatever colour syntax the
// stylesheet used: the browser draws it on a canvas and we read the pixel back.
async function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
}

async function expectDark(page: Page) {
  await expect.poll(() => backgroundLightness(page)).toBeLessThan(0.2);
}

async function expectLight(page: Page) {
  await expect.poll(() => backgroundLightness(page)).toBeGreaterThan(0.9);
}

const themeChoice = (page: Page, name: "System" | "Light" | "Dark") => page.getByRole("group", { name: "Theme" }).getByRole("radio", { name });

// A browser whose system setting is dark.
async function darkSystemPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, colorScheme: "dark" });
  return { context, page: await context.newPage() };
}

test("pages follow a dark system setting, and a theme chosen in the header is remembered", { tag: ["@dashboard"] }, async ({ browser, baseURL }) => {
  // Many page loads in several contexts: on the shared 2-core machine a page took up to 10 s to open.
  test.slow();
  const { context, page } = await darkSystemPage(browser, baseURL);
  try {
    // The pages before signing in follow the system too.
    await page.goto("/sign-up");
    await expectDark(page);
    await page.goto("/docs/api");
    await expectDark(page);

    await signUp(page, newAccount("Grace Hopper"));
    await expectDark(page);
    await expect(themeChoice(page, "System")).toBeChecked();

    // Light wins over the system setting at once, after a reload and on a new page, and the server
    // renders it that way (so no dark page flashes before a script could switch it).
    await themeChoice(page, "Light").check();
    await expectLight(page);
    await page.reload();
    await expectLight(page);
    await expect(themeChoice(page, "Light")).toBeChecked();
    const another = await context.newPage();
    await another.goto("/calls");
    await expectLight(another);
    await another.goto("/docs/api");
    await expectLight(another);
    await another.close();
    const html = await (await context.request.get("/")).text();
    expect(html).toMatch(/<html lang="en" class="light"/);

    await themeChoice(page, "Dark").check();
    await expectDark(page);
    await themeChoice(page, "System").check();
    await expectDark(page);
    await page.reload();
    await expect(themeChoice(page, "System")).toBeChecked();
    expect(await (await context.request.get("/")).text()).toMatch(/<html lang="en">/);
  } finally {
    await context.close();
  }
});

test("a theme cookie holding anything but the three choices is ignored", { tag: ["@dashboard"] }, async ({ browser, baseURL }) => {
  const { context, page } = await darkSystemPage(browser, baseURL);
  try {
    await context.addCookies([{ name: "theme", value: "sepia", url: baseURL! }]);
    const response = await page.goto("/sign-in");
    expect(await response!.text()).toMatch(/<html lang="en">/);
    await expectDark(page);
  } finally {
    await context.close();
  }
});

test("in dark mode the main dashboard pages have no serious accessibility violations", { tag: ["@dashboard"] }, async ({ browser, baseURL, request }) => {
  // Five axe runs on the shared 2-core machine.
  test.setTimeout(300_000);
  const { context, page } = await darkSystemPage(browser, baseURL);
  try {
    await signUp(page, newAccount("Katherine Johnson"));
    await openIntegrationSettings(page);
    const key = await generateKey(page, "Dark mode");
    await closeWithoutCopying(page, "Dark mode");
    // Something on each page: a call with its status badge, a contact, a routing rule.
    expect((await launchCall(request, key, { to: "+14155550123" })).status()).toBe(201);
    expect((await request.post("/api/v1/contacts", { headers: bearer(key), data: { first_name: "Ada", last_name: "Lovelace", phone: "+14155550100" } })).status()).toBe(201);
    expect((await request.post("/api/v1/routing-rules", { headers: bearer(key), data: { name: "Front desk", action: "agent", target: "Reception" } })).status()).toBe(201);

    for (const [path, heading] of [
      ["/", "Welcome, Katherine Johnson"],
      ["/settings/integrations", "Profile Settings"],
      ["/calls", "Calls"],
      ["/contacts", "Contacts"],
      ["/routing", "Routing"],
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
      await expectDark(page);
      await expectNoSeriousAxeViolations(page);
    }
  } finally {
    await context.close();
  }
});
