import { expect, type Page } from "@playwright/test";

// sonner's live region (its name is "Notifications" plus the key that focuses it). A success
// toast is announced by the region itself; an error also carries role="alert".
export function toasts(page: Page) {
  return page.getByRole("region", { name: "Notifications" });
}

// The newest such toast: the same message twice in a row (copy, copy again) stacks two of them.
export async function expectToast(page: Page, text: string) {
  await expect(toasts(page).getByRole("listitem").filter({ hasText: text }).first()).toBeVisible();
}
