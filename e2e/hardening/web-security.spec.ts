import { expect, test, type Browser, type Page } from "@playwright/test";
import { newAccount, signUp, type TestAccount } from "../support/accounts";
import { hardeningPort, startProductionServer, type ProductionServer } from "./support/server";
import { captureServerAction, replayServerAction } from "./support/server-actions";
import { clearOfSignInWindowEdge } from "./support/sign-in-window";
import { expectToast } from "../support/toasts";

let server: ProductionServer;

test.beforeAll(async () => {
  // Loopback is trusted as a proxy here, so the sign-in tests can play one (X-Forwarded-For);
  // client-address.spec.ts covers a server that trusts no one.
  server = await startProductionServer({ port: hardeningPort(2), env: { TRUSTED_PROXIES: "127.0.0.1,::1" } });
});

test.afterAll(async () => {
  await server?.stop();
});

type Headers = Record<string, string>;

function expectSecurityHeaders(where: string, headers: Headers) {
  const csp = headers["content-security-policy"];
  expect(csp, `Content-Security-Policy on ${where}`).toBeTruthy();
  expect(csp, where).not.toContain("'unsafe-eval'");
  const scriptSrc = csp.split(";").map((directive) => directive.trim()).find((directive) => directive.startsWith("script-src "));
  expect(scriptSrc, where).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
  expect(scriptSrc, where).not.toContain("'unsafe-inline'");
  expect(csp.split(";").map((directive) => directive.trim()), where).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
}

async function newPage(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL, ...options });
  return context.newPage();
}

async function visit(page: Page, path: string): Promise<Headers> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  return response!.allHeaders();
}

test("every page and API route sends the security headers, and HSTS only where the app is served over https", async ({ browser, request }) => {
  const page = await newPage(browser);
  for (const path of ["/sign-in", "/sign-up"]) {
    const headers = await visit(page, path);
    expectSecurityHeaders(path, headers);
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }
  await signUp(page);
  for (const path of ["/", "/settings/profile", "/settings/integrations", "/calls", "/docs/api"]) {
    const headers = await visit(page, path);
    expectSecurityHeaders(path, headers);
    expect(headers["strict-transport-security"], path).toBeUndefined();
  }

  const apiRoutes: [string, number][] = [
    ["/api/v1/health", 200],
    ["/api/v1/openapi.json", 200],
    ["/api/v1/me", 401],
    ["/api/v1/no-such-route", 404],
    ["/api/auth/session", 200],
    ["/api/auth/csrf", 200],
  ];
  for (const [path, status] of apiRoutes) {
    const response = await request.get(server.baseURL + path);
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(path, response.headers());
    expect(response.headers()["strict-transport-security"], path).toBeUndefined();
  }

  // The same build, told it is served at an https URL (behind a TLS proxy): HSTS on every answer.
  const https = await startProductionServer({ port: hardeningPort(3), publicUrl: "https://switchboard.example" });
  try {
    for (const path of ["/sign-in", "/api/v1/health", "/api/v1/me", "/api/v1/no-such-route"]) {
      const response = await request.get(https.baseURL + path);
      expectSecurityHeaders(path, response.headers());
      expect(response.headers()["strict-transport-security"], `${path} on the https deployment`).toBe("max-age=63072000; includeSubDomains");
    }
  } finally {
    await https.stop();
  }
});

test("scripts run only with the request's nonce, and every page still hydrates in a real browser", async ({ browser, request }) => {
  // A new nonce on every answer, and it is the one on the page's scripts.
  const nonces = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get(server.baseURL + "/sign-in");
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"])![1];
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  const page = await newPage(browser);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  await signUp(page);
  // Client-side only: the dialogs and the settings navigation need hydrated React.
  for (const path of ["/", "/calls", "/settings/profile", "/docs/api"]) {
    await page.goto(path);
    await expect(page.locator("html")).toBeVisible();
  }
  await page.goto("/settings/integrations");
  await page.getByRole("button", { name: "Generate Key" }).click();
  await expect(page.getByRole("dialog", { name: "Generate API key" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(violations).toEqual([]);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ browser }) => {
  const page = await newPage(browser);
  await signUp(page);
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
  expect(session, JSON.stringify(cookies.map((cookie) => cookie.name))).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
});

test("a server action posted from a foreign origin is refused and changes nothing", async ({ browser }) => {
  const page = await newPage(browser);
  await signUp(page);
  await page.goto("/settings/profile");
  const save = await captureServerAction(page, async () => {
    await page.getByLabel("Display name").fill("Ada Byron");
    await page.getByRole("button", { name: "Save" }).click();
  });
  await expectToast(page, "Profile saved");
  expect(save.headers.origin).toBe(server.baseURL);
  const body = (name: string) => Buffer.from(save.body.toString("utf8").replace("Ada Byron", name));

  // The captured request, replayed from its own origin, does act: the refusal below is the origin's doing.
  const sameOrigin = await replayServerAction(page.request, save, { body: body("Ada King") });
  expect(sameOrigin.status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Ada King");

  for (const origin of ["https://evil.example", `http://localhost.evil.example:${new URL(server.baseURL).port}`, "null"]) {
    const forged = await replayServerAction(page.request, save, { headers: { origin }, body: body("Mallory") });
    expect(forged.status(), origin).toBeGreaterThanOrEqual(400);
    expect(await forged.text(), origin).not.toContain('"data":true');
  }
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Ada King");
  await expect(page.getByText("Mallory")).toHaveCount(0);
});

async function attemptSignIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const MISMATCH = "That email and password do not match an account. Check them and try again.";
const THROTTLED = /^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/;

async function signedUpAccount(browser: Browser): Promise<TestAccount> {
  const page = await newPage(browser);
  const account = await signUp(page, newAccount("Grace Hopper"));
  await page.context().close();
  return account;
}

test("sign-in is throttled after 10 failures for one email, even with the right password", async ({ browser }) => {
  const account = await signedUpAccount(browser);
  await clearOfSignInWindowEdge();
  const page = await newPage(browser);
  for (let attempt = 1; attempt <= 10; attempt++) {
    await attemptSignIn(page, account.email, `wrong password ${attempt}`);
    await expect(page.locator("form").getByRole("alert")).toHaveText(MISMATCH);
  }
  await attemptSignIn(page, account.email.toUpperCase(), account.password);
  await expect(page.locator("form").getByRole("alert")).toHaveText(THROTTLED);
  await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toHaveCount(0);
});

// Behind a trusted reverse proxy the client IP is the last X-Forwarded-For entry (what the proxy
// saw); the entries before it are whatever the client sent. A sprayer rotating those must still be
// counted as one address.
test("sign-in is throttled per client IP after 50 failures across emails, however the client fills X-Forwarded-For", async ({ browser }) => {
  const account = await signedUpAccount(browser);
  const proxySaw = (ip: string, claimed: string) => ({ "X-Forwarded-For": `${claimed}, ${ip}` });
  await clearOfSignInWindowEdge();
  const sprayer = await newPage(browser);
  const csrf = await sprayer.request.get("/api/auth/csrf");
  const { csrfToken } = await csrf.json();
  for (let attempt = 1; attempt <= 50; attempt++) {
    const response = await sprayer.request.post("/api/auth/callback/credentials", {
      headers: proxySaw("198.51.100.7", `10.0.${attempt}.1`),
      form: { csrfToken, email: `spray-${attempt}@example.com`, password: "guess guess guess", json: "true" },
    });
    const { url } = await response.json();
    expect(new URL(url).searchParams.get("error"), `attempt ${attempt}`).toBe("CredentialsSignin");
  }

  // From that address even the right password is refused now, whatever it claims to be...
  const blocked = await newPage(browser, { extraHTTPHeaders: proxySaw("198.51.100.7", "203.0.113.99") });
  await attemptSignIn(blocked, account.email, account.password);
  await expect(blocked.locator("form").getByRole("alert")).toHaveText(THROTTLED);

  // ...while the account owner, from another address, signs in.
  const owner = await newPage(browser, { extraHTTPHeaders: proxySaw("198.51.100.8", "203.0.113.99") });
  await attemptSignIn(owner, account.email, account.password);
  await expect(owner.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
});
