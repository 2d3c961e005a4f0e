import { expect, test } from "./support/test";
import { newAccount, signIn, signUp } from "./support/accounts";
import { expectToast } from "./support/toasts";

for (const path of ["/", "/settings/profile", "/settings/integrations"]) {
  test(`a signed-out visitor opening ${path} is sent to sign-in`, { tag: ["@account"] }, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: "Sign in to Switchboard" })).toBeVisible();
  });
}

test("sign-up explains each problem next to its field", { tag: ["@account"] }, async ({ page }) => {
  const taken = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Grace");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");

  await page.getByLabel("Email").fill(taken.email.toUpperCase());
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
});

test("an owner signs out and back in; a wrong password is refused", { tag: ["@account", "@phone"] }, async ({ page }) => {
  const account = await signUp(page, newAccount("Grace Hopper"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings/integrations");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("wrong password!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();

  await signIn(page, account);
});

test("Profile Settings shows the account and saves a new display name", { tag: ["@account"] }, async ({ page }) => {
  const account = await signUp(page, newAccount("Katherine"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile Settings" }).click();
  await expect(page.getByText(account.email).first()).toBeVisible();

  await page.getByLabel("Display name").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();

  await page.getByLabel("Display name").fill("Katherine Johnson");
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "Profile saved");
  await page.reload();
  await expect(page.getByLabel("Display name")).toHaveValue("Katherine Johnson");
});
