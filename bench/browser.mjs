// What the bench does in a real browser: sign up and create a key as an owner would, weigh each
// page's JavaScript on a first load, and delete a key for the two-instance check.
import { chromium } from "@playwright/test";
import { gzipSync } from "node:zlib";
import { ensureChromium } from "../scripts/find-chromium.mjs";

export async function launchBrowser() {
  const executablePath = ensureChromium() ?? undefined;
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

async function generateKey(page, base, name) {
  await page.goto(`${base}/settings/integrations`);
  await page.getByRole("button", { name: "Generate Key" }).click();
  const dialog = page.getByRole("dialog", { name: "Generate API key" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Generate key" }).click();
  const shown = page.getByRole("dialog", { name: `API key "${name}" created` });
  const key = await shown.getByRole("textbox", { name: "API key" }).inputValue();
  await shown.getByRole("button", { name: "Done" }).click();
  await shown.getByRole("button", { name: "Close without copying" }).click();
  await shown.waitFor({ state: "hidden" });
  return key;
}

// Through the real sign-up and Generate Key dialog. Returns the key and the signed-in session.
export async function signUpWithKey(browser, base) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/sign-up`);
    await page.getByLabel("Name").fill("Bench");
    await page.getByLabel("Email").fill(`bench-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("benchmark password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Welcome, Bench" }).waitFor();
    const key = await generateKey(page, base, "Bench");
    return { key, session: await context.storageState() };
  } finally {
    await context.close();
  }
}

// The JavaScript a first visit downloads: every script response on a fresh cache, gzip-compressed
// here (level 6, as servers commonly send it) so the figure does not depend on the server's
// compression settings.
export async function pageWeights(browser, base, session, pages) {
  const weights = {};
  for (const [label, { path, signedIn }] of Object.entries(pages)) {
    const context = await browser.newContext(signedIn ? { storageState: session } : {});
    try {
      const page = await context.newPage();
      const bodies = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script") bodies.push(response.body().catch(() => Buffer.alloc(0)));
      });
      const response = await page.goto(`${base}${path}`, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`${path} answered ${response?.status()}`);
      // Scripts a page loads once it runs (not "networkidle": some pages poll).
      await page.waitForTimeout(1000);
      const scripts = await Promise.all(bodies);
      weights[label] = {
        path,
        scripts: scripts.length,
        js_kb_gzip: Math.round(scripts.reduce((sum, body) => sum + gzipSync(body).length, 0) / 102.4) / 10,
        js_kb_raw: Math.round(scripts.reduce((sum, body) => sum + body.length, 0) / 102.4) / 10,
      };
    } finally {
      await context.close();
    }
  }
  return weights;
}

// Deletes a fresh key through instance A's UI while requests with it go to instance B without
// pause, and reports how long B went on accepting it.
export async function deletionPropagation(browser, baseA, baseB, session) {
  const context = await browser.newContext({ storageState: session });
  try {
    const page = await context.newPage();
    const name = `Propagation ${Date.now()}`;
    const key = await generateKey(page, baseA, name);
    const probes = [];
    let stop = false;
    const probe = async () => {
      while (!stop) {
        const sentAt = performance.now();
        const response = await fetch(`${baseB}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
        await response.arrayBuffer();
        probes.push({ sentAt, status: response.status, answeredAt: performance.now() });
      }
    };
    const probing = Promise.all([probe(), probe()]);
    // Until instance B has accepted the key at least once (its first answer may be slow when cold).
    for (let waited = 0; !probes.some((p) => p.status === 200); waited += 50) {
      if (waited > 60_000 || probes.some((p) => p.status !== 200)) {
        stop = true;
        throw new Error("Instance B did not accept the new key.");
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    await page.getByRole("button", { name: `Delete ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Delete API key "${name}"?` });
    const clickedAt = performance.now();
    await confirm.getByRole("button", { name: "Delete key" }).click();
    await confirm.waitFor({ state: "hidden" });
    const acknowledgedAt = performance.now();
    while (!probes.some((p) => p.status === 401)) await new Promise((resolve) => setTimeout(resolve, 5));
    stop = true;
    await probing;

    const firstRefusal = probes.find((p) => p.status === 401);
    return {
      ms_from_delete_click_to_first_refusal_on_other_instance: Math.round(firstRefusal.answeredAt - clickedAt),
      ms_from_delete_acknowledged_to_first_refusal_on_other_instance: Math.round(firstRefusal.answeredAt - acknowledgedAt),
      ms_delete_click_to_acknowledged: Math.round(acknowledgedAt - clickedAt),
      // Must be 0: a request sent after the owner saw the deletion succeed and still accepted.
      accepted_after_acknowledged: probes.filter((p) => p.sentAt >= acknowledgedAt && p.status === 200).length,
      probes_sent: probes.length,
    };
  } finally {
    await context.close();
  }
}
