import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { expectToast } from "./toasts";

export async function openIntegrationSettings(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Integration Settings" }).click();
  await expect(page.getByRole("heading", { name: "API Keys" })).toBeVisible();
}

export type Level = "None" | "Read" | "Write";
export type KeyOptions = {
  expiration?: "Never" | "7 days" | "30 days" | "90 days" | "1 year";
  access?: "Full access" | "Read only" | "Restricted";
  // Only with access "Restricted": the level per resource (unnamed ones stay None).
  scopes?: Partial<Record<"Calls" | "Contacts" | "Routing" | "Webhooks", Level>>;
  // Typed into "Allowed IP addresses" as given (one per line or comma-separated).
  allowedIps?: string;
};

// Generates a key through the dialog and returns the secret it shows once.
export async function generateKey(page: Page, name: string, options: KeyOptions = {}): Promise<string> {
  await page.getByRole("button", { name: "Generate Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Expiration").selectOption({ label: options.expiration ?? "Never" });
  if (options.access) await dialog.getByRole("radio", { name: options.access }).check();
  for (const [resource, level] of Object.entries(options.scopes ?? {})) {
    await dialog.getByLabel(resource, { exact: true }).selectOption({ label: level });
  }
  if (options.allowedIps !== undefined) await dialog.getByLabel("Allowed IP addresses").fill(options.allowedIps);
  await dialog.getByRole("button", { name: "Generate key" }).click();
  const shown = page.getByRole("dialog", { name: `API key "${name}" created` });
  const secret = await shown.getByRole("textbox", { name: "API key" }).inputValue();
  expect(secret).toMatch(/^sb_live_[0-9A-Za-z]{36}$/);
  return secret;
}

// The dialog that shows a secret once: after generating ("created") or rolling ("rolled") a key.
export function secretDialog(page: Page, name: string, event: "created" | "rolled" = "created") {
  return page.getByRole("dialog", { name: `API key "${name}" ${event}` });
}

export async function copyAndClose(page: Page, name: string, event: "created" | "rolled" = "created"): Promise<string> {
  const shown = secretDialog(page, name, event);
  await shown.getByRole("button", { name: "Copy API key" }).click();
  await expectToast(page, "API key copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(shown).toBeHidden();
  return copied;
}

export async function closeWithoutCopying(page: Page, name: string, event: "created" | "rolled" = "created") {
  const shown = secretDialog(page, name, event);
  await shown.getByRole("button", { name: "Done" }).click();
  await shown.getByRole("button", { name: "Close without copying" }).click();
  await expect(shown).toBeHidden();
}

export type Grace = "Now" | "1 hour" | "24 hours";

// Rolls a key from its row and returns the new secret the dialog shows once.
export async function rollKey(page: Page, name: string, oldSecret: string, grace: Grace): Promise<string> {
  const display = displayOf(oldSecret);
  await keyRow(page, display).getByRole("button", { name: `Roll ${name} (${display})` }).click();
  const dialog = page.getByRole("dialog", { name: `Roll API key "${name}"?` });
  await expect(dialog).toContainText("A new secret is issued with the same name, permissions");
  await dialog.getByLabel("Old key keeps working for").selectOption({ label: grace });
  await dialog.getByRole("button", { name: "Roll key" }).click();
  const secret = await secretDialog(page, name, "rolled").getByRole("textbox", { name: "API key" }).inputValue();
  expect(secret).toMatch(/^sb_live_[0-9A-Za-z]{36}$/);
  expect(secret).not.toBe(oldSecret);
  return secret;
}

export function keyRow(page: Page, display: string) {
  return page.getByRole("row").filter({ has: page.getByText(display, { exact: true }) });
}

export function displayOf(secret: string) {
  return `${secret.slice(0, 12)}…${secret.slice(-4)}`;
}

export async function me(request: APIRequestContext, key: string, header: "bearer" | "x-api-key" = "bearer") {
  const headers: Record<string, string> = header === "bearer" ? { Authorization: `Bearer ${key}` } : { "X-API-Key": key };
  return request.get("/api/v1/me", { headers });
}
