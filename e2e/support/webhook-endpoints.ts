import { expect, type Page } from "@playwright/test";

// Adds an endpoint through the dashboard's "Add endpoint" dialog, from Integration Settings, and
// returns its card once the dialog has closed (the endpoint is saved by then).
export async function addWebhookEndpoint(page: Page, url: string) {
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const form = page.getByRole("dialog", { name: "Add webhook endpoint" });
  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form).toBeHidden();
  return page.getByRole("article", { name: `Webhook endpoint ${url}` });
}
