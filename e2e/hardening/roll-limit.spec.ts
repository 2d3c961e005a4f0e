import { expect, test } from "@playwright/test";
import { signUp } from "../support/accounts";
import { displayOf, generateKey, keyRow, openIntegrationSettings, closeWithoutCopying } from "../support/api-keys";
import { queryDatabase } from "./support/database";
import { hardeningPort, startProductionServer } from "./support/server";
import { interceptServerAction, replayServerAction } from "./support/server-actions";

const KEY = /sb_live_[0-9A-Za-z]{36}/;
const ROLLS = 105;

test(`rolling a key ${ROLLS} times with a 24-hour grace stops at the 100-key limit with a clear error`, async ({ browser }) => {
  const server = await startProductionServer({ port: hardeningPort(6), env: { RATE_LIMIT_REQUESTS: "1000" } });
  try {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const account = await signUp(page);
    await openIntegrationSettings(page);
    let secret = await generateKey(page, "Rolled");
    await closeWithoutCopying(page, "Rolled");

    // The Roll dialog's request with a 24-hour grace, kept from the server and replayed for each
    // newest key in turn (its id swapped in), as a script clicking Roll 105 times would.
    const display = displayOf(secret);
    const roll = await interceptServerAction(page, async () => {
      await keyRow(page, display).getByRole("button", { name: `Roll Rolled (${display})` }).click();
      const dialog = page.getByRole("dialog", { name: 'Roll API key "Rolled"?' });
      await dialog.getByLabel("Old key keeps working for").selectOption({ label: "24 hours" });
      await dialog.getByRole("button", { name: "Roll key" }).click();
    });
    const keyIdOf = async (key: string) => (await (await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${key}` } })).json()).api_key.id as string;
    const firstId = await keyIdOf(secret);
    expect(roll.body.toString("latin1")).toContain(firstId);

    let rolled = 0;
    const refusals: string[] = [];
    for (let i = 0; i < ROLLS; i++) {
      const currentId = await keyIdOf(secret);
      const body = Buffer.from(roll.body.toString("latin1").replaceAll(firstId, currentId), "latin1");
      const response = await replayServerAction(page.request, roll, { body });
      expect(response.status()).toBe(200);
      const text = await response.text();
      const found = KEY.exec(text);
      if (found) {
        rolled++;
        secret = found[0];
      } else {
        refusals.push(text);
      }
    }

    // One key plus 99 rolls is 100 live keys; every further roll is refused, saying why.
    expect(rolled).toBe(99);
    expect(refusals).toHaveLength(ROLLS - 99);
    for (const text of refusals) expect(text).toContain("You already have 100 API keys, counting keys still in a roll");
    const [user] = queryDatabase<{ id: string }>(server.databaseFile, `SELECT id FROM "User" WHERE email = ?`, account.email);
    const [{ live }] = queryDatabase<{ live: number }>(
      server.databaseFile,
      `SELECT COUNT(*) AS live FROM "ApiKey" WHERE "userId" = ? AND "revokedAt" IS NULL`,
      user.id,
    );
    expect(live).toBe(100);
    // Each of them works.
    expect((await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(200);
    await context.close();
  } finally {
    await server.stop();
  }
});
