import { expect, type APIRequestContext, type Page } from "@playwright/test";

export function bearer(key: string) {
  return { Authorization: `Bearer ${key}` };
}

export async function launchCall(request: APIRequestContext, key: string, body: Record<string, unknown>) {
  return request.post("/api/v1/calls", { headers: bearer(key), data: body });
}

export async function openCalls(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calls" }).click();
  await expect(page.getByRole("heading", { name: "Calls", level: 1 })).toBeVisible();
}

// Rows are told apart by the number called.
export function callRow(page: Page, to: string) {
  return page.getByRole("row").filter({ hasText: to });
}
