import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// Every WCAG A/AA rule axe has, over the page as it is now (a dialog open included): no serious
// or critical violation.
export async function expectNoSeriousAxeViolations(page: Page) {
  const { violations, passes } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // axe ran its rules on the page's content, not on an empty or error document.
  expect(passes.length).toBeGreaterThan(10);
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}
