import { expect, test, type Page, type Response } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { signUp } from "../support/accounts";
import { closeWithoutCopying, displayOf, generateKey, keyRow, openIntegrationSettings, rollKey } from "../support/api-keys";
import { addWebhookEndpoint } from "../support/webhook-endpoints";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { report } from "./support/report";
import { hardeningPort, startProductionServer } from "./support/server";

const WHSEC = /^whsec_[A-Za-z0-9+/]{43}=$/;

// Every form a leaked secret could take on disk.
function secretForms(secret: string): { label: string; bytes: Buffer }[] {
  if (secret.startsWith("whsec_")) {
    const base64 = secret.slice("whsec_".length);
    return [
      { label: "the secret", bytes: Buffer.from(secret) },
      { label: "its base64 part", bytes: Buffer.from(base64) },
      { label: "its key bytes", bytes: Buffer.from(base64, "base64") },
    ];
  }
  if (secret.startsWith("sb_live_")) {
    return [
      { label: "the key", bytes: Buffer.from(secret) },
      { label: "the key without its prefix", bytes: Buffer.from(secret.slice("sb_live_".length)) },
    ];
  }
  return [{ label: "the password", bytes: Buffer.from(secret) }];
}

function findLeaks(files: string[], secrets: string[]): string[] {
  const leaks: string[] = [];
  for (const file of files.filter((candidate) => existsSync(candidate))) {
    const content = readFileSync(file);
    for (const secret of secrets) {
      for (const { label, bytes } of secretForms(secret)) {
        if (content.includes(bytes)) leaks.push(`${file} holds ${label} of ${secret.slice(0, 12)}…`);
      }
    }
  }
  return leaks;
}

const isServerAction = (response: Response) => response.request().method() === "POST" && "next-action" in response.request().headers();

async function expectNoStore(response: Response) {
  const cacheControl = (await response.allHeaders())["cache-control"] ?? "";
  expect(cacheControl, `Cache-Control of the server action answer carrying a secret`).toContain("no-store");
}

async function generateKeyNotCached(page: Page, name: string) {
  const [response, secret] = await Promise.all([page.waitForResponse(isServerAction), generateKey(page, name)]);
  await expectNoStore(response);
  await closeWithoutCopying(page, name);
  return secret;
}

test("no plaintext API key or signing secret reaches the database files, the server log or a URL", async ({ browser }) => {
  // The most verbose log level: whatever any logger could write is in the log searched below.
  const server = await startProductionServer({ port: hardeningPort(1), env: { LOG_LEVEL: "trace" } });
  const receiver = await startWebhookReceiver();
  const apiKeys: string[] = [];
  const webhookSecrets: string[] = [];
  try {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const requestedUrls: string[] = [];
    context.on("request", (request) => requestedUrls.push(request.url()));
    const page = await context.newPage();
    const account = await signUp(page);
    await openIntegrationSettings(page);

    // Keys: generated, one rolled (old one kept for an hour), one deleted.
    apiKeys.push(await generateKeyNotCached(page, "Zapier"));
    apiKeys.push(await generateKeyNotCached(page, "Make"));
    const [rollResponse, rolled] = await Promise.all([page.waitForResponse(isServerAction), rollKey(page, "Zapier", apiKeys[0], "1 hour")]);
    await expectNoStore(rollResponse);
    apiKeys.push(rolled);
    await closeWithoutCopying(page, "Zapier", "rolled");
    await keyRow(page, displayOf(apiKeys[1])).getByRole("button", { name: /^Delete/ }).click();
    const confirmDelete = page.getByRole("dialog", { name: 'Delete API key "Make"?' });
    await confirmDelete.getByRole("button", { name: "Delete key" }).click();
    // Closed once the deletion is committed; while open, the list is hidden from the accessibility tree.
    await expect(confirmDelete).toBeHidden();
    await expect(keyRow(page, displayOf(apiKeys[1]))).toHaveCount(0);
    const headers = { Authorization: `Bearer ${rolled}` };
    expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${apiKeys[0]}` } })).status()).toBe(200);
    expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${apiKeys[1]}` } })).status()).toBe(401);

    // An endpoint added in the dashboard: its secret revealed, test events sent, rolled, revealed again.
    const endpoint = await addWebhookEndpoint(page, receiver.url);
    const shownSecret = endpoint.getByLabel("Signing secret", { exact: true });
    await endpoint.getByRole("button", { name: "Reveal signing secret" }).click();
    await expect(shownSecret).toHaveText(WHSEC);
    webhookSecrets.push((await shownSecret.textContent())!);
    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByText(/Test event: Delivered: HTTP 200/)).toBeVisible();
    await endpoint.getByRole("button", { name: "Roll secret" }).click();
    await page.getByRole("dialog", { name: "Roll signing secret?" }).getByRole("button", { name: "Roll secret" }).click();
    await expect(shownSecret).not.toHaveText(webhookSecrets[0]);
    await expect(shownSecret).toHaveText(WHSEC);
    webhookSecrets.push((await shownSecret.textContent())!);
    await endpoint.getByRole("button", { name: "Send test event" }).click();
    await expect(endpoint.getByRole("table", { name: "Delivery log" }).getByRole("row").filter({ hasText: "ping" })).toHaveCount(2);

    // An endpoint added through the API, retry-safe: the secret is in the answer, and in its replay.
    const create = () =>
      page.request.post("/api/v1/webhook-endpoints", {
        headers: { ...headers, "Idempotency-Key": "add-crm-endpoint" },
        data: { url: receiver.url, description: "CRM" },
      });
    const created = await create();
    expect(created.status()).toBe(201);
    const apiSecret = (await created.json()).secret;
    expect(apiSecret).toMatch(WHSEC);
    webhookSecrets.push(apiSecret);
    const replayed = await create();
    expect(replayed.headers()["idempotent-replayed"]).toBe("true");
    expect((await replayed.json()).secret).toBe(apiSecret);

    // A call, whose events both endpoints receive, signed with the secrets above.
    const call = await page.request.post("/api/v1/calls", { headers, data: { to: "+14155550123" } });
    expect(call.status()).toBe(201);
    const callId = (await call.json()).id;
    await expect
      .poll(() => receiver.received.filter((message) => message.payload.type === "call.completed" && message.payload.data.id === callId).length, {
        timeout: 20_000,
      })
      .toBe(2);
    // Encrypted at rest, yet what signs: each delivery verifies with its endpoint's current secret.
    const signedWithCurrent = (message: (typeof receiver.received)[number]) =>
      [webhookSecrets[1], apiSecret].some((secret) => {
        try {
          return Boolean(receiver.verify(secret, message));
        } catch {
          return false;
        }
      });
    expect(receiver.received.filter((message) => message.payload.type === "call.completed").every(signedWithCurrent)).toBe(true);

    expect(apiKeys.length + webhookSecrets.length).toBe(6);
    const secrets = [...apiKeys, ...webhookSecrets];
    const urlLeaks = requestedUrls.filter((url) => secrets.some((secret) => url.includes(secret) || url.includes(encodeURIComponent(secret))));
    expect(urlLeaks, `${requestedUrls.length} URLs the browser requested`).toEqual([]);

    // The request log has its line per API request, made of identifiers only.
    const records = readFileSync(server.logFile, "utf8")
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => record.msg === "api request");
    expect(records.find((record) => record.method === "POST" && record.route === "/api/v1/webhook-endpoints")).toMatchObject({
      status: 201,
      apiKeyId: expect.any(String),
      accountId: expect.any(String),
      requestId: expect.stringMatching(/^req_/),
    });
    const fields = ["level", "time", "msg", "requestId", "method", "route", "status", "latencyMs", "apiKeyId", "accountId", "errorCode", "clientAddress"];
    expect(records.filter((record) => Object.keys(record).some((key) => !fields.includes(key)))).toEqual([]);

    const files = [server.databaseFile, `${server.databaseFile}-wal`, `${server.databaseFile}-shm`, server.logFile];
    expect(existsSync(`${server.databaseFile}-wal`), "the WAL is searched while the server runs").toBe(true);
    // The password is stored as a scrypt hash: it must not show up either.
    expect(findLeaks(files, [...secrets, account.password]), "while the server runs").toEqual([]);
    // Shutting down checkpoints the WAL into the database file: search that too.
    await server.stop();
    expect(findLeaks(files, [...secrets, account.password]), "after the server stopped").toEqual([]);
    report("searched", `${apiKeys.length} API keys and ${webhookSecrets.length} signing secrets in ${files.join(", ")} (${records.length} request log lines) and ${requestedUrls.length} URLs`);
  } finally {
    await receiver.close();
    await server.stop();
  }
});
