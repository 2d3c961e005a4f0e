import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { TestAccount } from "./accounts";

// Against a deployment every account the flows sign up is written here (a file in a temporary
// folder that playwright.config.ts names for the run), so the global teardown can delete what the
// tests left behind, whichever worker made it and even when a test failed half-way.
// Appends of one short line are atomic, so workers can share the file.
const ledger = () => process.env.E2E_ACCOUNT_LEDGER;

type Entry = { signedUp: TestAccount } | { deleted: string };

function append(entry: Entry) {
  const file = ledger();
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

export const recordSignUp = (account: TestAccount) => append({ signedUp: account });
export const recordDeletion = (account: TestAccount) => append({ deleted: account.email });

// Accounts signed up and not yet deleted.
export function accountsLeft(file: string): TestAccount[] {
  if (!existsSync(file)) return [];
  const entries = readFileSync(file, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Entry);
  const deleted = new Set(entries.flatMap((entry) => ("deleted" in entry ? [entry.deleted] : [])));
  return entries.flatMap((entry) => ("signedUp" in entry && !deleted.has(entry.signedUp.email) ? [entry.signedUp] : []));
}
