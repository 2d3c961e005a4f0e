import { expect, test, type APIResponse } from "@playwright/test";
import { signUp } from "../support/accounts";
import { displayOf, keyRow, openIntegrationSettings } from "../support/api-keys";
import { queryDatabase } from "./support/database";
import { report } from "./support/report";
import { hardeningPort, startProductionServer } from "./support/server";
import { interceptServerAction, replayServerAction } from "./support/server-actions";

const PARALLEL = 50;
const KEY = /sb_live_[0-9A-Za-z]{36}/g;

// A server action answers 200 with its result in the RSC stream; a failure is a 500 with an error digest.
async function expectActionAnswered(response: APIResponse): Promise<string> {
  const body = await response.text();
  expect(response.status(), body.slice(0, 300)).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/x-component");
  expect(body).not.toContain('"digest"');
  return body;
}

test(`${PARALLEL} parallel Generate Key actions make ${PARALLEL} keys; ${PARALLEL} parallel deletes of one key revoke it once`, async ({ browser }) => {
  const server = await startProductionServer({ port: hardeningPort(4) });
  try {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    await signUp(page);
    await openIntegrationSettings(page);

    // The Generate Key form's request, as the browser sends it, kept from the server and fired 50 times at once.
    const generate = await interceptServerAction(page, async () => {
      await page.getByRole("button", { name: "Generate Key" }).click();
      const dialog = page.getByRole("dialog", { name: "Generate API key" });
      await dialog.getByLabel("Name").fill("Parallel");
      await dialog.getByRole("button", { name: "Generate key" }).click();
    });
    const generated = await Promise.all(Array.from({ length: PARALLEL }, () => replayServerAction(page.request, generate)));
    const secrets: string[] = [];
    for (const response of generated) {
      const found: string[] = (await expectActionAnswered(response)).match(KEY) ?? [];
      expect(new Set(found).size, "one key per answer").toBe(1);
      secrets.push(found[0]);
    }
    expect(new Set(secrets).size).toBe(PARALLEL);

    const accounts = await Promise.all(
      secrets.map(async (secret) => {
        const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
        expect(me.status()).toBe(200);
        return (await me.json()) as { id: string; api_key: { id: string; name: string } };
      }),
    );
    const accountId = accounts[0].id;
    expect(new Set(accounts.map((account) => account.id))).toEqual(new Set([accountId]));
    expect(new Set(accounts.map((account) => account.api_key.id)).size).toBe(PARALLEL);
    expect(new Set(accounts.map((account) => account.api_key.name))).toEqual(new Set(["Parallel"]));
    const audit = (action: string, apiKeyId?: string) =>
      queryDatabase<{ apiKeyId: string }>(
        server.databaseFile,
        `SELECT apiKeyId FROM AuditEvent WHERE userId = ? AND action = ?${apiKeyId ? " AND apiKeyId = ?" : ""}`,
        accountId,
        action,
        ...(apiKeyId ? [apiKeyId] : []),
      );
    const created = audit("api_key.created");
    expect(created).toHaveLength(PARALLEL);
    expect(new Set(created.map((event) => event.apiKeyId))).toEqual(new Set(accounts.map((account) => account.api_key.id)));

    // The Delete form's request for one of them, fired 50 times at once.
    const [victim, victimAccount] = [secrets[0], accounts[0]];
    await page.reload();
    await keyRow(page, displayOf(victim)).getByRole("button", { name: /^Delete/ }).click();
    const remove = await interceptServerAction(page, async () => {
      await page.getByRole("dialog", { name: 'Delete API key "Parallel"?' }).getByRole("button", { name: "Delete key" }).click();
    });
    const deleted = await Promise.all(Array.from({ length: PARALLEL }, () => replayServerAction(page.request, remove)));
    const outcomes = await Promise.all(deleted.map(expectActionAnswered));
    expect(outcomes.filter((body) => body.includes('"data":true'))).toHaveLength(1);
    expect(outcomes.filter((body) => body.includes("This API key does not exist or was already deleted."))).toHaveLength(PARALLEL - 1);

    expect(audit("api_key.revoked", victimAccount.api_key.id)).toHaveLength(1);
    expect(audit("api_key.revoked")).toHaveLength(1);
    const refused = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${victim}` } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("revoked_api_key");
    for (const secret of secrets.slice(1)) {
      expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(200);
    }
    await page.reload();
    await expect(page.getByRole("rowheader", { name: "Parallel" })).toHaveCount(PARALLEL - 1);
    report("parallel server actions", `${PARALLEL} Generate Key → ${PARALLEL} keys and audit events; ${PARALLEL} deletes of one key → 1 revocation`);
  } finally {
    await server.stop();
  }
});
