import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { displayOf, keyRow, me, openIntegrationSettings } from "./support/api-keys";
import { auditRowsOfKey } from "./support/audit-rows";
import { signUpWithKeys } from "./support/keyed-account";
import { githubSignatureHeaders } from "./support/secret-scanning";

const ACCEPTED = {
  object: "credentials_revocation",
  status: "accepted",
  message: "Every live Switchboard API key among the credentials is now revoked, and its owner notified.",
};
const LEAK_URL = "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/.env";
const local = !process.env.E2E_BASE_URL;

// Each flow reports from its own address (the server trusts loopback as its proxy), so the
// per-address limit of one flow stays away from the others.
function revoke(request: APIRequestContext, credentials: string[], address: string) {
  return request.post("/api/v1/credentials/revoke", { data: { credentials }, headers: { "X-Forwarded-For": address } });
}

async function leakedEvents(request: APIRequestContext, key: string) {
  const answer = await request.get("/api/v1/events?type=api_key.leaked", { headers: { Authorization: `Bearer ${key}` } });
  expect(answer.status()).toBe(200);
  return (await answer.json()).data as { type: string; data: Record<string, unknown> }[];
}

// The Audit log page's row for a key revoked as leaked, with who reported it.
async function expectLeakAudited(page: Page, actor: string) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
  const rows = page.getByRole("region", { name: "Audit events" }).getByRole("row");
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "API key revoked as leaked", exact: true }) })).toContainText(actor);
}

async function keyIdOf(request: APIRequestContext, key: string): Promise<string> {
  return (await (await me(request, key)).json()).api_key.id;
}

test("a key submitted to /credentials/revoke stops working at once, and its owner is told", { tag: ["@keys"] }, async ({ browser, baseURL, request }) => {
  const owner = await signUpWithKeys(browser, baseURL, "Grace Hopper", [{ name: "Pasted in a gist" }, { name: "Watcher" }]);
  const [leaked, watcher] = owner.keys;
  const leakedId = await keyIdOf(request, leaked);

  // Anyone who finds the key sends it; no key or account of their own.
  const answer = await revoke(request, [leaked], "198.51.100.60");
  expect(answer.status()).toBe(202);
  expect(await answer.json()).toEqual(ACCEPTED);

  const refused = await me(request, leaked);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toMatchObject({ code: "revoked_api_key" });
  expect((await me(request, watcher)).status()).toBe(200);

  // The owner's overview names the key and where it was reported.
  const { page } = owner;
  await page.goto("/");
  const banner = page.getByRole("region", { name: "An API key was leaked and has been revoked" });
  await expect(banner).toContainText("Pasted in a gist");
  await expect(banner).toContainText(displayOf(leaked));
  await expect(banner).toContainText("submitted to the public revocation endpoint");

  // The key list says why the key is gone.
  await openIntegrationSettings(page);
  await expect(keyRow(page, displayOf(leaked))).toContainText("Revoked: leaked");
  await expect(page.getByRole("region", { name: "An API key was leaked and has been revoked" })).toBeVisible();

  // An api_key.leaked event, without the secret.
  const [event] = await leakedEvents(request, watcher);
  expect(event.data).toEqual({ id: leakedId, object: "api_key", name: "Pasted in a gist", display: displayOf(leaked), leaked_at: expect.any(String), source: "credentials/revoke" });
  expect(JSON.stringify(event)).not.toContain(leaked);

  if (local) {
    expect(await auditRowsOfKey(leakedId)).toContainEqual({ action: "api_key.revoked_as_leaked", actor: "public_revoke", detail: JSON.stringify({ source: "credentials/revoke" }) });
  }
  await expectLeakAudited(page, "Public revocation request");
  await openIntegrationSettings(page);

  // Dismissed, the banner stays gone; the key list still shows the revoked key.
  await page.getByRole("button", { name: "Dismiss the notice about Pasted in a gist" }).click();
  await expect(page.getByRole("region", { name: "An API key was leaked and has been revoked" })).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Welcome, Grace Hopper" })).toBeVisible();
  await expect(page.getByRole("region", { name: "An API key was leaked and has been revoked" })).toHaveCount(0);
  await openIntegrationSettings(page);
  await expect(keyRow(page, displayOf(leaked))).toContainText("Revoked: leaked");
  await owner.close();
});

test("a signed GitHub secret-scanning report revokes the key and links where it was found", { tag: ["@keys"] }, async ({ browser, baseURL, request }) => {
  test.skip(!local, "A deployment trusts GitHub's own secret-scanning keys, not the key pair this run generates to sign reports.");
  const owner = await signUpWithKeys(browser, baseURL, "Margaret Hamilton", [{ name: "Committed to .env" }, { name: "Watcher" }]);
  const [leaked, watcher] = owner.keys;
  const leakedId = await keyIdOf(request, leaked);
  const stranger = `sb_live_${"A".repeat(36)}`;
  const body = JSON.stringify([
    { token: leaked, type: "switchboard_api_key", url: LEAK_URL, source: "content" },
    { token: stranger, type: "switchboard_api_key", url: LEAK_URL, source: "content" },
  ]);
  const post = (headers: Record<string, string>, data = body) =>
    request.post("/api/v1/secret-scanning/github", { data, headers: { "Content-Type": "application/json", ...headers } });

  // Unsigned, or signed over other bytes: refused, and nothing is revoked.
  for (const headers of [{}, githubSignatureHeaders(body.replace("content", "commit"))]) {
    const refused = await post(headers);
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error).toMatchObject({ code: "invalid_signature" });
  }
  expect((await me(request, leaked)).status()).toBe(200);

  const answer = await post(githubSignatureHeaders(body));
  expect(answer.status()).toBe(200);
  const labels = (await answer.json()) as { token_hash: string; token_type: string; label: string }[];
  expect(labels.map((entry) => entry.label)).toEqual(["true_positive", "false_positive"]);
  expect(labels.every((entry) => /^[0-9a-f]{64}$/.test(entry.token_hash) && entry.token_type === "switchboard_api_key")).toBe(true);
  expect((await me(request, leaked)).status()).toBe(401);

  const { page } = owner;
  await page.goto("/");
  const banner = page.getByRole("region", { name: "An API key was leaked and has been revoked" });
  await expect(banner).toContainText("Committed to .env");
  await expect(banner.getByRole("link", { name: LEAK_URL })).toHaveAttribute("href", LEAK_URL);

  const [event] = await leakedEvents(request, watcher);
  expect(event.data).toMatchObject({ id: leakedId, source: LEAK_URL });
  expect(await auditRowsOfKey(leakedId)).toContainEqual({ action: "api_key.revoked_as_leaked", actor: "github_secret_scanning", detail: JSON.stringify({ source: LEAK_URL }) });
  await expectLeakAudited(page, "GitHub secret scanning");
  await owner.close();
});

test("/credentials/revoke answers alike for a non-key, an unknown key, a revoked key and a live key", { tag: ["@keys"] }, async ({ browser, baseURL, request }) => {
  const owner = await signUpWithKeys(browser, baseURL, "Barbara Liskov", [{ name: "Old" }, { name: "Live" }]);
  const [old, live] = owner.keys;
  const address = "198.51.100.61";
  await revoke(request, [old], address);
  expect((await me(request, old)).status()).toBe(401);

  const answers = [];
  for (const credential of ["hunter2", `sb_live_${"B".repeat(36)}`, old, live]) {
    const answer = await revoke(request, [credential], address);
    answers.push({ status: answer.status(), body: await answer.json() });
  }
  expect(answers).toEqual(Array(4).fill({ status: 202, body: ACCEPTED }));
  // Testing a live key this way destroys it.
  expect((await me(request, live)).status()).toBe(401);
  await owner.close();
});
