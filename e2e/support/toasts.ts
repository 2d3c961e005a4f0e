import { expect, type Page } from "@playwright/test";

// sonner's live region (its name is "Notifications" plus the key that focuses it). A success
// toast is announced by the region itself; an error also carries role="alert".
export function toasts(page: Page) {
  return page.getByRole("region", { name: "Notifications" });
}

export async function expectToast(page: Page, text: string) {
  await expect(toasts(page).getByRole("listitem").filter({ hasText: text })).toBeVisible();
}
