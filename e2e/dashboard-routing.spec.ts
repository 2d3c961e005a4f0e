import type { Page } from "@playwright/test";
import { signUp } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expect, test } from "./support/test";

const rules = (page: Page) => page.getByRole("region", { name: "Rules in priority order" }).getByRole("listitem");

async function createRule(page: Page, fields: { name: string; callerPrefix?: string; schedule?: { zone: string; days: string[]; from: string; until: string }; forwardTo?: string; agent?: string }) {
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog", { name: "New routing rule" });
  await dialog.getByLabel("Name", { exact: true }).fill(fields.name);
  if (fields.callerPrefix) await dialog.getByLabel("Caller prefix").fill(fields.callerPrefix);
  if (fields.schedule) {
    await dialog.getByLabel("Only at certain times").check();
    await dialog.getByLabel("Time zone").selectOption(fields.schedule.zone);
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
      await dialog.getByLabel(day).setChecked(fields.schedule.days.includes(day));
    }
    await dialog.getByLabel("From (HH:MM)").fill(fields.schedule.from);
    await dialog.getByLabel("Until (HH:MM)").fill(fields.schedule.until);
  }
  if (fields.forwardTo) {
    await dialog.getByLabel("Action").selectOption("forward");
    await dialog.getByLabel("Forward to").fill(fields.forwardTo);
  } else {
    await dialog.getByLabel("Agent name").fill(fields.agent ?? "default");
  }
  await dialog.getByRole("button", { name: "Create rule" }).click();
  await expect(dialog).toBeHidden();
}

async function whichRule(page: Page, call: { from: string; to: string; at: string; zone: string }) {
  const tester = page.getByRole("region", { name: "Which rule answers this call?" });
  await tester.getByLabel("From (caller)").fill(call.from);
  await tester.getByLabel("To (your number)").fill(call.to);
  await tester.getByLabel("Time", { exact: true }).fill(call.at);
  await tester.getByLabel("In time zone").selectOption(call.zone);
  await tester.getByRole("button", { name: "Check" }).click();
  return tester.getByRole("status");
}

test("an owner creates routing rules, reads them in words, reorders them by keyboard, tests a call against them and deletes one", { tag: ["@dashboard", "@phone"] }, async ({ page }) => {
  // A long walk with three axe runs: on the shared 2-core machine that took over 90 s.
  test.setTimeout(300_000);
  await signUp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Routing" }).click();
  await expect(page.getByRole("heading", { name: "Routing", level: 1 })).toBeVisible();
  await expect(page.getByText("No rules yet")).toBeVisible();

  // A forward target must be a phone number, as in the API: said beside the field.
  await page.getByRole("button", { name: "New rule" }).click();
  const dialog = page.getByRole("dialog", { name: "New routing rule" });
  await dialog.getByLabel("Action").selectOption("forward");
  await dialog.getByLabel("Forward to").fill("sales desk");
  await dialog.getByRole("button", { name: "Create rule" }).click();
  await expect(dialog.getByLabel("Forward to")).toHaveAccessibleDescription(/must be a phone number/);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await createRule(page, { name: "UK callers", callerPrefix: "+44", forwardTo: "+442079460000" });
  await createRule(page, {
    name: "Office hours",
    schedule: { zone: "America/New_York", days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], from: "09:00", until: "17:00" },
    agent: "sales",
  });
  await expect(rules(page)).toHaveCount(3);
  await expect(rules(page).nth(0)).toContainText("UK callers");
  await expect(rules(page).nth(0)).toContainText("When: from numbers starting +44");
  await expect(rules(page).nth(0)).toContainText("Then: Forward to +442079460000");
  await expect(rules(page).nth(1)).toContainText("When: Monday to Friday, 09:00 to 17:00 (America/New_York time)");
  await expect(rules(page).nth(1)).toContainText('Then: AI agent "sales" answers');
  await expect(rules(page).nth(2)).toContainText("Fallback");

  await expectNoSeriousAxeViolations(page);

  // A UK call on a Wednesday morning in New York: the UK rule is first, so it answers.
  const call = { from: "+44 20 7946 0123", to: "+1 415 555 0100", at: "2026-01-14T10:00", zone: "America/New_York" };
  await expect(await whichRule(page, call)).toHaveText('Answered by rule 1 "UK callers": Forward to +442079460000.');

  // Move "Office hours" up with the keyboard; focus stays on the button pressed.
  const moveUp = page.getByRole("button", { name: 'Move rule 2 "Office hours" up' });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(rules(page).nth(0)).toContainText("Office hours");
  await expect(rules(page).nth(1)).toContainText("UK callers");
  await expect(page.getByRole("button", { name: 'Move rule 1 "Office hours" up' })).toBeFocused();
  await expect(await whichRule(page, call)).toHaveText('Answered by rule 1 "Office hours": AI agent "sales" answers.');

  // Outside office hours (10:00 in London is 05:00 in New York) the UK rule answers again; a
  // US caller on a Saturday gets the fallback.
  await expect(await whichRule(page, { ...call, zone: "Europe/London" })).toHaveText('Answered by rule 2 "UK callers": Forward to +442079460000.');
  await expect(await whichRule(page, { ...call, from: "+14155550199", at: "2026-01-17T10:00" })).toHaveText(
    'No rule matches: the fallback answers. AI agent "default" answers.',
  );

  // Edit: office hours become a window past midnight.
  await page.getByRole("button", { name: 'Edit rule 1 "Office hours"' }).click();
  const edit = page.getByRole("dialog", { name: "Edit routing rule" });
  await expect(edit.getByLabel("Time zone")).toHaveValue("America/New_York");
  await edit.getByLabel("Until (HH:MM)").fill("02:00");
  await edit.getByLabel("From (HH:MM)").fill("22:00");
  await edit.getByRole("button", { name: "Save rule" }).click();
  await expect(edit).toBeHidden();
  await expect(rules(page).nth(0)).toContainText("22:00 to 02:00 the next day (America/New_York time)");

  // Delete, confirmed, by keyboard.
  const remove = page.getByRole("button", { name: 'Delete rule 2 "UK callers"' });
  await remove.focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: 'Delete rule 2 "UK callers"?' });
  await expectNoSeriousAxeViolations(page);
  await confirm.getByRole("button", { name: "Delete rule" }).click();
  await expect(confirm).toBeHidden();
  await expect(rules(page)).toHaveCount(2);
  await expect(page.getByText("UK callers")).toHaveCount(0);

  // On a phone the rules stack and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 700 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
