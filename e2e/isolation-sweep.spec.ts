import type { APIRequestContext, APIResponse, Locator, Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { displayOf, keyRow } from "./support/api-keys";
import { signUpWithKeys, type KeyedAccount } from "./support/keyed-account";
import { describeApi, routePath, type ApiDescription } from "./support/openapi-routes";
import { hasWebhookReceiver, NO_RECEIVER_MESSAGE, openWebhookInbox, unreachableWebhookUrl } from "./support/webhook-inbox";

// Account B holds A's ids and tries everything with them: every API route (from the OpenAPI
// document, so new routes are swept too), every dashboard page and every server action that
// takes an id. Nothing of A's may be read and nothing of A's may change.

const ENDED = ["completed", "no_answer", "failed", "canceled"];
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

type Sweep = {
  requests: number;
  reads: string[];
  problems: string[];
};

async function json(request: APIRequestContext, key: string, path: string) {
  const response = await request.get(path, { headers: auth(key) });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return response.json();
}

// Everything A's key can read about A: each object, each list, each key's /me.
async function accountState(request: APIRequestContext, api: ApiDescription, keys: string[], ids: string[]) {
  const state: Record<string, unknown> = {};
  for (const route of api.routes.filter(({ method }) => method === "GET")) {
    if (route.idPrefix) {
      for (const id of ids.filter((candidate) => candidate.startsWith(`${route.idPrefix}_`))) state[routePath(route, id)] = await json(request, keys[0], routePath(route, id));
    } else if (route.query.length) {
      state[route.path] = await json(request, keys[0], `${route.path}?limit=100`);
    }
  }
  for (const key of keys) state[`/api/v1/me as ${displayOf(key)}`] = await json(request, key, "/api/v1/me");
  return state;
}

async function signUpWithObjects(account: KeyedAccount, request: APIRequestContext, marks: { to: string; from: string; phone: string; tag: string; receiverUrl: string }) {
  const key = account.keys[0];
  const create = async (path: string, data: object, headers: Record<string, string> = {}) => {
    const response = await request.post(path, { headers: { ...auth(key), ...headers }, data });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(201);
    return response.json();
  };
  const contactBody = { external_id: `crm-${marks.tag}`, phone: marks.phone, first_name: `First-${marks.tag}`, metadata: { secret: `meta-${marks.tag}` } };
  const idempotencyKey = `isolation-${marks.tag}`;
  const contact = await create("/api/v1/contacts", contactBody, { "Idempotency-Key": idempotencyKey });
  const outbound = await create("/api/v1/calls", { to: marks.to, agent: `Agent-${marks.tag}`, contact_id: contact.id, metadata: { secret: `meta-${marks.tag}` } });
  const rule = await create("/api/v1/routing-rules", { name: `Rule-${marks.tag}`, caller_prefix: marks.from.slice(0, 3), action: "agent", target: `Routed-${marks.tag}` });
  const inbound = await create("/api/v1/inbound-calls", { from: marks.from, to: "+14155550100" });
  const endpoint = await create("/api/v1/webhook-endpoints", { url: marks.receiverUrl, events: ["ping"], description: `Hook-${marks.tag}` });
  const paused = await create("/api/v1/webhook-endpoints", { url: `${marks.receiverUrl}/paused`, events: ["ping"] });
  const pause = await request.patch(`/api/v1/webhook-endpoints/${paused.id}`, { headers: auth(key), data: { enabled: false } });
  expect(pause.status()).toBe(200);
  const me = await json(request, key, "/api/v1/me");
  const event = (await json(request, key, "/api/v1/events?type=contact.created&limit=1")).data[0];
  const keyIds = await Promise.all(account.keys.map(async (secret) => (await json(request, secret, "/api/v1/me")).api_key.id as string));
  return { contact, contactBody, idempotencyKey, outbound, inbound, rule, endpoint, paused, eventId: event.id as string, accountId: me.id as string, keyIds };
}

function endpointCard(page: Page, url: string) {
  return page.getByRole("article", { name: `Webhook endpoint ${url}`, exact: true });
}

async function sendTestEvent(page: Page, url: string) {
  const card = endpointCard(page, url);
  await card.getByRole("button", { name: "Send test event" }).click();
  await expect(card.getByText(/Test event: Delivered: HTTP 200/)).toBeVisible();
  return card.locator('input[name="deliveryId"]').first().inputValue();
}

// Rewrites the form's hidden inputs as it is submitted. Set any earlier, React may put the
// rendered value back on a re-render, and the form would quietly send B's own id.
async function tamper(form: Locator, fields: Record<string, string>) {
  await form.evaluate((element, values) => {
    const target = element as HTMLFormElement & { tampered?: Record<string, string> };
    if (!target.tampered) {
      target.addEventListener(
        "submit",
        () => {
          for (const [name, value] of Object.entries(target.tampered!)) (target.elements.namedItem(name) as HTMLInputElement).value = value;
        },
        { capture: true },
      );
    }
    target.tampered = { ...target.tampered, ...values };
  }, fields);
}

// The one-button form in `scope` whose button has this accessible name.
function actionForm(scope: Locator, page: Page, button: string | RegExp) {
  return scope.locator("form").filter({ has: page.getByRole("button", { name: button, exact: typeof button === "string" }) });
}

async function revealedSecret(page: Page, url: string) {
  const card = endpointCard(page, url);
  await card.getByRole("button", { name: "Reveal signing secret" }).click();
  const secret = card.getByLabel("Signing secret", { exact: true });
  await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  return (await secret.textContent())!;
}

async function deliveryRows(page: Page, url: string) {
  return endpointCard(page, url).getByRole("table", { name: "Delivery log" }).getByRole("row").count();
}

test("another account can neither read nor change anything of mine: every API route, page and server action", { tag: ["@security", "@api"] }, async ({ browser, request, baseURL }) => {
  test.setTimeout(test.info().timeout * 5);
  // Without a receiver the deployment can reach, the endpoints exist but nothing is delivered, and
  // only the sweep of deliveries (A's delivery and event ids, Resend) is left out.
  const [receiverA, receiverB] = hasWebhookReceiver() ? await Promise.all([openWebhookInbox(), openWebhookInbox()]) : [null, null];
  if (!receiverA) test.info().annotations.push({ type: "partly skipped", description: `Deliveries are not swept. ${NO_RECEIVER_MESSAGE}` });
  const urlA = receiverA?.url ?? unreachableWebhookUrl("alice");
  const urlB = receiverB?.url ?? unreachableWebhookUrl("mallory");
  const [a, b] = await Promise.all([
    signUpWithKeys(browser, baseURL, "Alice Owner", [{ name: "A main" }, { name: "A victim" }]),
    signUpWithKeys(browser, baseURL, "Mallory Intruder", [{ name: "B main" }, { name: "B sweep" }, { name: "B sweep 2" }, { name: "B bait" }]),
  ]);
  const mine = await signUpWithObjects(a, request, { to: "+14155550142", from: "+442079460142", phone: "+14155550242", tag: "alice", receiverUrl: urlA });
  const theirs = await signUpWithObjects(b, request, { to: "+14155550143", from: "+12125550143", phone: "+14155550243", tag: "mallory", receiverUrl: urlB });

  await a.page.reload();
  const aDelivery = receiverA ? { deliveryId: await sendTestEvent(a.page, urlA), eventId: (await receiverA.messages())[0].payload.id } : null;
  const aSecret = await revealedSecret(a.page, urlA);
  expect(aSecret).toBe(mine.endpoint.secret);
  await b.page.reload();
  if (receiverB) await sendTestEvent(b.page, urlB);

  const aIds = [
    mine.accountId,
    ...mine.keyIds,
    mine.outbound.id,
    mine.inbound.id,
    mine.contact.id,
    mine.rule.id,
    mine.endpoint.id,
    mine.paused.id,
    mine.eventId,
    ...(aDelivery ? [aDelivery.deliveryId, aDelivery.eventId] : []),
  ];
  // Whatever of A's would give A away if it showed up in an answer or a page B gets.
  const aTraces = [
    ...aIds,
    a.account.email,
    a.account.name,
    "+14155550142",
    "+442079460142",
    "+14155550242",
    "crm-alice",
    "First-alice",
    "meta-alice",
    "Agent-alice",
    "Rule-alice",
    "Routed-alice",
    "Hook-alice",
    urlA,
    aSecret,
    ...a.keys.map(displayOf),
  ];
  const sweep: Sweep = { requests: 0, reads: [], problems: [] };
  // A trace of A in what B got, other than what B itself sent, is a cross-account read.
  const checkForTraces = (where: string, text: string, sent = "") => {
    const found = aTraces.filter((trace) => text.includes(trace) && !sent.includes(trace));
    if (found.length) sweep.reads.push(`${where} shows ${found.join(", ")}`);
  };

  const api = await describeApi(request);
  await expect.poll(async () => {
    const calls = await Promise.all([mine.outbound.id, mine.inbound.id].map((id) => json(request, a.keys[0], `/api/v1/calls/${id}`)));
    return calls.every((call) => ENDED.includes(call.status));
  }, { timeout: 20_000 }).toBe(true);
  const aKeys = a.keys;
  const before = await accountState(request, api, aKeys, aIds);
  await a.page.reload();
  const aKeyRows = await a.page.getByRole("row").count();
  const aDeliveries = await deliveryRows(a.page, urlA);
  const aReceived = (await receiverA?.messages())?.length;

  // 1. The API: every route with B's keys and A's ids.
  const bKeys = b.keys.slice(0, 3);
  const bIds: Record<string, string> = { call: theirs.outbound.id, contact: theirs.contact.id, rule: theirs.rule.id, we: theirs.endpoint.id, evt: theirs.eventId };
  let turn = 0;
  const asB = async (method: string, path: string, data?: unknown, headers: Record<string, string> = {}): Promise<{ response: APIResponse; text: string }> => {
    const response = await request.fetch(path, { method, headers: { ...auth(bKeys[turn++ % bKeys.length]), ...headers }, data, failOnStatusCode: false, maxRedirects: 0 });
    sweep.requests += 1;
    const text = await response.text();
    checkForTraces(`${method} ${path}`, text, `${path} ${JSON.stringify(data ?? "")}`);
    return { response, text };
  };
  const expectStatus = (what: string, status: number, expected: number[], text: string) => {
    if (status >= 200 && status < 300) sweep.reads.push(`${what} answered ${status}: ${text.slice(0, 160)}`);
    else if (!expected.includes(status)) sweep.problems.push(`${what} answered ${status}, expected ${expected.join("/")}: ${text.slice(0, 160)}`);
  };

  for (const route of api.routes.filter(({ idPrefix }) => idPrefix)) {
    for (const id of aIds) {
      const { response, text } = await asB(route.method, routePath(route, id), route.body?.example);
      // An id of the route's kind is "not found", like a missing one; any other kind fails validation first.
      const expected = id.startsWith(`${route.idPrefix}_`) ? [404] : [400];
      expectStatus(`${route.method} ${routePath(route, id)}`, response.status(), expected, text);
    }
  }

  for (const route of api.routes.filter(({ method, query }) => method === "GET" && query.length)) {
    for (const parameter of route.query) {
      const pattern = parameter.schema.pattern ? new RegExp(parameter.schema.pattern) : null;
      const values = [...aIds.filter((id) => pattern?.test(id)), ...(parameter.name === "external_id" ? ["crm-alice"] : []), ...(parameter.name === "phone" ? ["+14155550242"] : [])];
      for (const value of values) {
        const path = `${route.path}?${parameter.name}=${encodeURIComponent(value)}`;
        const { response, text } = await asB("GET", path);
        if (response.status() !== 200) sweep.problems.push(`GET ${path} answered ${response.status()}: ${text.slice(0, 160)}`);
        // A cursor only bounds B's own list: B's objects may come after (or before) A's id.
        else if (!["starting_after", "ending_before"].includes(parameter.name) && JSON.parse(text).data.length) sweep.reads.push(`GET ${path} lists ${text.slice(0, 160)}`);
      }
    }
  }

  for (const route of api.routes.filter(({ body }) => body)) {
    for (const [field, schema] of Object.entries(route.body!.schema.properties ?? {})) {
      const prefix = schema.pattern && /^\^(\w+?)_/.exec(schema.pattern)?.[1];
      for (const id of aIds.filter((candidate) => prefix && candidate.startsWith(`${prefix}_`))) {
        const path = route.idPrefix ? routePath(route, bIds[route.idPrefix]) : route.path;
        const { response, text } = await asB(route.method, path, { ...route.body!.example, [field]: id });
        expectStatus(`${route.method} ${path} with ${field} ${id}`, response.status(), [400, 404], text);
      }
    }
  }

  const me = await asB("GET", "/api/v1/me");
  expect(JSON.parse(me.text).id).toBe(theirs.accountId);
  // A's rules route A's callers only: B's call from A's caller prefix takes B's default route.
  const inbound = await asB("POST", "/api/v1/inbound-calls", { from: "+442079460199", to: "+14155550100" });
  expect(inbound.response.status()).toBe(201);
  expect(JSON.parse(inbound.text).routing).toMatchObject({ rule_id: null, target: "default" });
  // A's Idempotency-Key and exact body, and A's external_id: B gets a contact of its own, not A's answer replayed.
  const upsert = await asB("POST", "/api/v1/contacts", mine.contactBody, { "Idempotency-Key": mine.idempotencyKey });
  expect(upsert.response.status(), upsert.text).toBe(201);
  expect(upsert.response.headers()["idempotent-replayed"]).toBeUndefined();
  expect(JSON.parse(upsert.text).id).not.toBe(mine.contact.id);

  // 2. Pages, signed in as B.
  // B's contact list legitimately shows the contact B made above from A's body (B sent it).
  const bSent = (path: string) => (path.startsWith("/contacts") ? `${path} ${JSON.stringify(mine.contactBody)}` : path);
  const visit = async (path: string, status: number) => {
    const response = await b.page.goto(path);
    sweep.requests += 1;
    if (response?.status() !== status) sweep.problems.push(`page ${path} answered ${response?.status()}, expected ${status}`);
    checkForTraces(`page ${path}`, await b.page.content(), bSent(path));
  };
  for (const id of aIds) {
    await visit(`/calls/${id}`, 404);
    await expect.soft(b.page.getByRole("heading", { name: "Call not found" }), `/calls/${id} as B`).toBeVisible();
  }
  for (const id of [mine.outbound.id, mine.inbound.id]) {
    await visit(`/calls?starting_after=${id}`, 200);
    await visit(`/calls?ending_before=${id}`, 200);
  }
  for (const id of aIds) await visit(`/settings/integrations/keys/${id}`, 404);
  // Pages whose filters and searches take ids or text from the URL: A's never narrow B's view to A's rows.
  const filtered = [`/logs?key=${mine.keyIds[0]}`, "/calls?status=completed&direction=outbound&from=2020-01-01", "/logs?status=4xx", "/settings/audit-log?actor=api_key", "/contacts?q=alice", "/contacts?q=+14155550242"];
  for (const path of ["/", "/calls", "/contacts", "/routing", "/logs", "/settings/audit-log", "/settings/profile", "/docs/api", ...filtered, "/settings/integrations"]) {
    await visit(path, 200);
  }
  // The last visit leaves B on Integration Settings, where the server actions below start.
  const csv = await b.page.request.get("/settings/audit-log/export");
  sweep.requests += 1;
  expect(csv.status()).toBe(200);
  checkForTraces("B's audit log CSV", await csv.text());

  // 3. Server actions: B's own forms with A's ids in their hidden inputs.
  const bPage = b.page;
  const refused = async (what: string, submit: () => Promise<void>, error: Locator, message: string | RegExp) => {
    await submit();
    sweep.requests += 1;
    await expect(error, what).toContainText(message);
  };
  const bait = keyRow(bPage, displayOf(b.keys[3]));

  await bait.getByRole("button", { name: /^Delete B bait/ }).click();
  const deleteKey = bPage.getByRole("dialog", { name: 'Delete API key "B bait"?' });
  await tamper(deleteKey.locator("form"), { keyId: mine.keyIds[1] });
  await refused("delete A's key", () => deleteKey.getByRole("button", { name: "Delete key" }).click(), deleteKey, "This API key does not exist or was already deleted.");
  await deleteKey.getByRole("button", { name: "Cancel" }).click();

  await bait.getByRole("button", { name: /^Roll B bait/ }).click();
  const rollKey = bPage.getByRole("dialog", { name: 'Roll API key "B bait"?' });
  await tamper(rollKey.locator("form"), { keyId: mine.keyIds[1] });
  await refused("roll A's key", () => rollKey.getByRole("button", { name: "Roll key" }).click(), rollKey, "This API key does not exist or was already rolled or deleted.");
  await rollKey.getByRole("button", { name: "Cancel" }).click();
  await expect(bPage.getByRole("dialog")).toHaveCount(0);

  const card = endpointCard(bPage, urlB);
  const notFound = /No webhook endpoint "we_\w+" in this account\./;
  await card.getByRole("button", { name: `Edit ${urlB}` }).click();
  const edit = bPage.getByRole("dialog", { name: "Edit webhook endpoint" });
  await edit.getByLabel("Endpoint URL").fill(`${urlB}/hijacked`);
  await tamper(edit.locator("form"), { endpointId: mine.endpoint.id });
  await refused("edit A's endpoint", () => edit.getByRole("button", { name: "Save endpoint" }).click(), edit, notFound);
  await edit.getByRole("button", { name: "Cancel" }).click();

  const toggle = actionForm(card, bPage, "Disable");
  await tamper(toggle, { endpointId: mine.endpoint.id });
  await refused("disable A's endpoint", () => toggle.getByRole("button").click(), toggle.getByRole("alert"), notFound);
  await tamper(toggle, { endpointId: mine.paused.id, enabled: "true" });
  await refused("enable A's paused endpoint", () => toggle.getByRole("button").click(), toggle.getByRole("alert"), notFound);

  for (const button of ["Reveal signing secret", "Copy signing secret"]) {
    const form = actionForm(card, bPage, button);
    await tamper(form, { endpointId: mine.endpoint.id });
    await refused(`${button} of A's endpoint`, () => form.getByRole("button").click(), form.getByRole("alert"), notFound);
  }
  await expect(card.getByLabel("Signing secret", { exact: true })).toHaveText(/^whsec_•+$/);

  await card.getByRole("button", { name: "Roll secret" }).click();
  const rollSecret = bPage.getByRole("dialog", { name: "Roll signing secret?" });
  const rollForm = actionForm(rollSecret, bPage, "Roll secret");
  await tamper(rollForm, { endpointId: mine.endpoint.id });
  await refused("roll A's signing secret", () => rollForm.getByRole("button").click(), rollForm.getByRole("alert"), notFound);
  await rollSecret.getByRole("button", { name: "Cancel" }).click();

  const sendTest = actionForm(card, bPage, "Send test event");
  await tamper(sendTest, { endpointId: mine.endpoint.id });
  await refused("send a test event to A's endpoint", () => sendTest.getByRole("button").click(), sendTest.getByRole("alert"), notFound);

  if (aDelivery) {
    const resend = actionForm(card.getByRole("table", { name: "Delivery log" }), bPage, /^Resend ping/);
    await tamper(resend, { deliveryId: aDelivery.deliveryId });
    await refused("resend A's delivery", () => resend.getByRole("button").click(), resend.getByRole("alert"), "This delivery does not exist.");
  }

  await card.getByRole("button", { name: `Delete ${urlB}` }).click();
  const deleteEndpoint = bPage.getByRole("dialog", { name: "Delete webhook endpoint?" });
  const deleteForm = actionForm(deleteEndpoint, bPage, "Delete endpoint");
  await tamper(deleteForm, { endpointId: mine.endpoint.id });
  await refused("delete A's endpoint", () => deleteForm.getByRole("button").click(), deleteForm.getByRole("alert"), notFound);
  await deleteEndpoint.getByRole("button", { name: "Cancel" }).click();
  checkForTraces("B's integrations page after the refused actions", await bPage.content(), aIds.join(" "));

  // Contacts and routing rules: B's own dialogs and buttons carrying A's ids.
  const notMine = (resource: string) => new RegExp(`No ${resource} "\\w+" in this account\\.`);
  await bPage.goto("/contacts");
  await bPage.getByRole("button", { name: /^Edit First-mallory/ }).click();
  const editContact = bPage.getByRole("dialog", { name: "Edit contact" });
  await editContact.getByLabel("First name").fill("Hijacked");
  await tamper(editContact.locator("form"), { contact_id: mine.contact.id });
  await refused("edit A's contact", () => editContact.getByRole("button", { name: "Save contact" }).click(), editContact, notMine("contact"));
  await editContact.getByRole("button", { name: "Cancel" }).click();
  await bPage.getByRole("button", { name: /^Delete First-mallory/ }).click();
  const deleteContact = bPage.getByRole("dialog", { name: /^Delete contact/ });
  await tamper(deleteContact.locator("form"), { contact_id: mine.contact.id });
  await refused("delete A's contact", () => deleteContact.getByRole("button", { name: "Delete contact" }).click(), deleteContact, notMine("contact"));
  await deleteContact.getByRole("button", { name: "Cancel" }).click();
  checkForTraces("B's contacts page after the refused actions", await bPage.content(), bSent("/contacts"));

  await bPage.goto("/routing");
  await bPage.getByRole("button", { name: 'Edit rule 1 "Rule-mallory"' }).click();
  const editRule = bPage.getByRole("dialog", { name: "Edit routing rule" });
  await editRule.getByLabel("Name", { exact: true }).fill("Hijacked");
  await tamper(editRule.locator("form"), { rule_id: mine.rule.id });
  await refused("edit A's rule", () => editRule.getByRole("button", { name: "Save rule" }).click(), editRule, notMine("routing rule"));
  await editRule.getByRole("button", { name: "Cancel" }).click();
  await bPage.getByRole("button", { name: 'Delete rule 1 "Rule-mallory"' }).click();
  const deleteRule = bPage.getByRole("dialog", { name: 'Delete rule 1 "Rule-mallory"?' });
  await tamper(deleteRule.locator("form"), { rule_id: mine.rule.id });
  await refused("delete A's rule", () => deleteRule.getByRole("button", { name: "Delete rule" }).click(), deleteRule, notMine("routing rule"));
  await deleteRule.getByRole("button", { name: "Cancel" }).click();
  // The tester answers from B's rules only, even for a call A's rule would take.
  const tester = bPage.getByRole("region", { name: "Which rule answers this call?" });
  await tester.getByLabel("From (caller)").fill("+442079460142");
  await tester.getByLabel("To (your number)").fill("+14155550142");
  await tester.getByLabel("Time", { exact: true }).fill("2026-01-14T10:00");
  await tester.getByRole("button", { name: "Check" }).click();
  await expect(tester.getByRole("status")).not.toBeEmpty();
  sweep.requests += 1;
  checkForTraces("B's routing page after the refused actions", await bPage.content(), "+442079460142 +14155550142");

  // 4. A is exactly as before: through A's keys and A's own pages.
  const after = await accountState(request, api, aKeys, aIds);
  const changes = Object.keys(before).filter((path) => JSON.stringify(before[path]) !== JSON.stringify(after[path]));
  expect(changes.map((path) => ({ path, before: before[path], after: after[path] }))).toEqual([]);
  await a.page.reload();
  await expect(keyRow(a.page, displayOf(a.keys[1]))).toBeVisible();
  expect(await a.page.getByRole("row").count()).toBe(aKeyRows);
  await expect(endpointCard(a.page, urlA).getByText("Enabled", { exact: true })).toBeVisible();
  await expect(endpointCard(a.page, `${urlA}/paused`).getByText("Disabled", { exact: true })).toBeVisible();
  expect(await revealedSecret(a.page, urlA)).toBe(aSecret);
  expect(await deliveryRows(a.page, urlA)).toBe(aDeliveries);
  if (receiverA) expect(await receiverA.messages()).toHaveLength(aReceived!);

  console.log(
    `isolation sweep: swept ${aIds.length} ids, ${sweep.requests} requests, ${sweep.reads.length} cross-account reads, ${changes.length} changes ` +
      `(${api.routes.length} API operations, ${aTraces.length} traces of A looked for in every answer and page)`,
  );
  expect(sweep.reads).toEqual([]);
  expect(sweep.problems).toEqual([]);
  await a.close();
  await b.close();
  await receiverA?.close();
  await receiverB?.close();
});
