import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "../support/accounts";
import { generateKey, openIntegrationSettings } from "../support/api-keys";
import { expireSudoMode } from "../support/sudo";
import { queryDatabase } from "./support/database";
import { report } from "./support/report";
import { hardeningPort, startProductionServer, type ProductionServer } from "./support/server";
import { captureServerAction, replayServerAction } from "./support/server-actions";
import { clearOfSignInWindowEdge } from "./support/sign-in-window";
import { expectToast } from "../support/toasts";

let server: ProductionServer;

test.beforeAll(async () => {
  server = await startProductionServer({ port: hardeningPort(7) });
});

test.afterAll(async () => {
  await server?.stop();
});

async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}, target = server): Promise<Page> {
  const context = await browser.newContext({ baseURL: target.baseURL, ...options });
  return context.newPage();
}

function auditCount(email: string, action: string): number {
  const [row] = queryDatabase<{ n: number }>(
    server.databaseFile,
    `SELECT COUNT(*) AS n FROM "AuditEvent" WHERE "action" = ? AND "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`,
    action,
    email,
  );
  return row.n;
}

test("60 parallel wrong passwords for one email: at most 10 are checked, the rest are refused before any check", async ({ browser }) => {
  const page = await newPage(browser);
  const account = await signUp(page, newAccount("Alan Turing"));
  await page.context().close();

  await clearOfSignInWindowEdge(30_000);
  const attacker = await newPage(browser);
  const { csrfToken } = await (await attacker.request.get("/api/auth/csrf")).json();
  const responses = await Promise.all(
    Array.from({ length: 60 }, (_, attempt) =>
      attacker.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: account.email, password: `wrong password ${attempt}`, json: "true" },
      }),
    ),
  );
  const errors = await Promise.all(responses.map(async (response) => new URL((await response.json()).url).searchParams.get("error")));
  const checked = errors.filter((error) => error === "CredentialsSignin").length;
  const throttled = errors.filter((error) => error?.startsWith("Too many failed sign-in attempts")).length;
  report("sign-in race", `60 parallel wrong passwords: ${checked} answered "no match", ${throttled} refused as throttled`);
  expect(checked + throttled).toBe(60);
  expect(checked).toBeLessThanOrEqual(10);
  // Timing-independent evidence: every checked password leaves one sign-in failure in the audit log.
  const failures = auditCount(account.email, "session.sign_in_failed");
  report("sign-in race", `audit log: ${failures} sign-in failures recorded for the account`);
  expect(failures).toBe(checked);
  expect(failures).toBeLessThanOrEqual(10);
});

test("after Sign out, the old session cookie opens nothing: pages redirect to sign-in and server actions are refused", async ({ browser, request }) => {
  const page = await newPage(browser);
  await signUp(page, newAccount("Barbara Liskov"));
  await page.goto("/settings/profile");
  const save = await captureServerAction(page, async () => {
    await page.getByLabel("Display name").fill("Barbara");
    await page.getByRole("button", { name: "Save" }).click();
  });
  await expectToast(page, "Profile saved");
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "next-auth.session-token");
  expect(cookie).toBeDefined();
  const withOldCookie = { cookie: `next-auth.session-token=${cookie!.value}` };

  const before = await request.get(`${server.baseURL}/settings/integrations`, { headers: withOldCookie, maxRedirects: 0 });
  expect(before.status()).toBe(200);

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  const after = await request.get(`${server.baseURL}/settings/integrations`, { headers: withOldCookie, maxRedirects: 0 });
  report("sign out", `old cookie after sign out: GET /settings/integrations answered ${after.status()} ${after.headers().location ?? ""}`);
  expect(after.status()).toBe(307);
  expect(after.headers().location).toMatch(/\/sign-in$/);

  const replayed = await request.post(save.url, {
    headers: { ...save.headers, ...withOldCookie },
    data: Buffer.from(save.body.toString("utf8").replace("Barbara", "Mallory")),
    maxRedirects: 0,
  });
  expect(await replayed.text()).not.toContain('"data":true');
  const [{ name }] = queryDatabase<{ name: string }>(server.databaseFile, `SELECT "name" FROM "User" WHERE "name" IN ('Barbara', 'Mallory')`);
  expect(name).toBe("Barbara");
});

test("Generate Key is refused by the server without sudo mode, even when the re-authentication dialog is bypassed", async ({ browser }) => {
  const page = await newPage(browser);
  const account: TestAccount = await signUp(page, newAccount("Ken Thompson"));
  await openIntegrationSettings(page);
  const generate = await captureServerAction(page, async () => {
    await generateKey(page, "Captured");
  });
  const keysOf = () =>
    queryDatabase<{ n: number }>(server.databaseFile, `SELECT COUNT(*) AS n FROM "ApiKey" WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`, account.email)[0].n;
  expect(keysOf()).toBe(1);

  // Within sudo mode the same request, replayed, mints a key: what follows is sudo mode's doing.
  const fresh = await replayServerAction(page.request, generate);
  expect(await fresh.text()).toContain("sb_live_");
  expect(keysOf()).toBe(2);

  await expireSudoMode(account.email, `file:${server.databaseFile}`);
  const refused = await replayServerAction(page.request, generate);
  const body = await refused.text();
  expect(body).toContain('"sudoRequired":true');
  expect(body).not.toContain("sb_live_");
  expect(keysOf()).toBe(2);
  report("sudo mode", "Generate Key replayed 16 minutes after the password: refused, no key created");
});

test("sign-up is throttled per client address", async ({ browser }) => {
  // This server trusts loopback as its reverse proxy, and the test plays that proxy: the
  // X-Forwarded-For it sends names the client (served directly, the header would be ignored).
  const limited = await startProductionServer({ port: hardeningPort(8), env: { SIGN_UP_LIMIT: "3", TRUSTED_PROXIES: "127.0.0.1,::1" } });
  try {
    const from = (ip: string) => ({ extraHTTPHeaders: { "X-Forwarded-For": ip } });
    for (let i = 0; i < 3; i++) await signUp(await newPage(browser, from("198.51.100.30"), limited));

    const fourth = await newPage(browser, from("198.51.100.30"), limited);
    const refused = newAccount("Fourth");
    await fourth.goto("/sign-up");
    await fourth.getByLabel("Name").fill(refused.name);
    await fourth.getByLabel("Email").fill(refused.email);
    await fourth.getByLabel("Password").fill(refused.password);
    await fourth.getByRole("button", { name: "Create account" }).click();
    await expect(fourth.locator("form").getByRole("alert")).toHaveText(/^Too many accounts were created from your network\. Try again in \d+ minutes?\.$/);
    expect(queryDatabase(limited.databaseFile, `SELECT "id" FROM "User" WHERE "email" = ?`, refused.email)).toEqual([]);

    // Another address is not affected.
    await signUp(await newPage(browser, from("198.51.100.31"), limited));
    report("sign-up throttle", "SIGN_UP_LIMIT=3: the 4th sign-up from one address was refused, another address signed up");
  } finally {
    await limited.stop();
  }
});
