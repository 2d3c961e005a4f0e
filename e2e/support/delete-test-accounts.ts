import { chromium, type FullConfig } from "@playwright/test";
import { rmSync } from "node:fs";
import path from "node:path";
import { accountsLeft } from "./account-ledger";
import { deleteAccount, submitSignIn, type TestAccount } from "./accounts";
import { inPool } from "./seeded-random";

// Each step may take as long as an expectation in the tests (E2E_TIMEOUT_MS / 3), at least 30 s.
const STEP_TIMEOUT_MS = Math.max(30_000, Number(process.env.E2E_TIMEOUT_MS ?? 30_000) / 3);

// Global teardown against a deployment: deletes, through Profile Settings like an owner would,
// every account the run signed up and did not delete itself, so a run leaves no account behind.
export default async function deleteTestAccounts(config: FullConfig) {
  const ledger = process.env.E2E_ACCOUNT_LEDGER;
  if (!ledger) return;
  const accounts = accountsLeft(ledger);
  const { baseURL, launchOptions } = config.projects[0].use;
  const failures: string[] = [];
  if (accounts.length) {
    const browser = await chromium.launch(launchOptions);
    await inPool(accounts, 2, async (account: TestAccount) => {
      const context = await browser.newContext({ baseURL });
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      const page = await context.newPage();
      try {
        await submitSignIn(page, account);
        // The form's own alert, not Next's route announcer (also role "alert").
        const refused = page.locator("form").getByRole("alert");
        const settled = () => undefined;
        await Promise.race([
          page.waitForURL((url) => !url.pathname.startsWith("/sign-in")).catch(settled),
          refused.waitFor().catch(settled),
        ]);
        if (await refused.isVisible()) {
          // A sign-up that never went through leaves nothing to delete; anything else (throttled) is a failure.
          const message = await refused.innerText();
          if (!message.includes("do not match an account")) throw new Error(message);
        } else {
          await deleteAccount(page, account);
        }
      } catch (error) {
        failures.push(`${account.email}: ${(error as Error).message.split("\n")[0]}`);
      } finally {
        await context.close();
      }
    });
    await browser.close();
  }
  console.log(`Deleted ${accounts.length - failures.length} test account(s) the flows left on ${baseURL}.`);
  if (failures.length) {
    console.error(`Could not delete ${failures.length} test account(s); delete them in Profile Settings:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  } else {
    rmSync(path.dirname(ledger), { recursive: true, force: true });
  }
}
