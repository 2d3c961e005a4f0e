import { expect, test } from "./support/test";
import { accountWithKeys, client, expectError, pageThrough, type ApiClient } from "./support/api-client";

type Event = { id: string; object: "event"; type: string; created_at: string; data: { id: string; object: string; status?: string } };
type EventList = { object: "list"; data: Event[]; has_more: boolean };

async function events(api: ApiClient, params: Record<string, string | number> = {}): Promise<EventList> {
  const response = await api.get("/api/v1/events", params);
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

// Launches a call that completes, waits until its completion event is listed, then upserts a contact.
async function callThenContact(api: ApiClient) {
  const call = await (await api.post("/api/v1/calls", { to: "+14155550123", agent: "Events agent" })).json();
  await expect.poll(async () => (await events(api, { type: "call.completed" })).data.map((event) => event.data.id), { timeout: 20_000 }).toContain(call.id);
  const contact = await (await api.post("/api/v1/contacts", { external_id: "crm-events", first_name: "Ada" })).json();
  return { call, contact };
}

test("every event is listed without any webhook endpoint, newest first, and pages and filters", { tag: ["@api", "@webhooks"] }, async ({ browser, request }) => {
  // A sign-up, a call that runs its course (about 5 s) and some forty requests.
  test.setTimeout(test.info().timeout * 3);
  const { Poller } = await accountWithKeys(browser, { Poller: {} });
  const api = client(request, Poller);
  const endpoints = await (await api.get("/api/v1/webhook-endpoints")).json();
  expect(endpoints.data).toEqual([]);
  const { call, contact } = await callThenContact(api);

  const all = await events(api, { limit: 100 });
  expect(all.has_more).toBe(false);
  const about = (id: string) => all.data.filter((event) => event.data.id === id).map((event) => event.type);
  expect(about(call.id)).toEqual(["call.completed", "call.ringing", "call.queued"]);
  expect(about(contact.id)).toEqual(["contact.created"]);
  expect(all.data[0]).toMatchObject({ object: "event", type: "contact.created", data: { id: contact.id, first_name: "Ada" } });
  const times = all.data.map((event) => Date.parse(event.created_at));
  expect(times).toEqual(times.toSorted((a, b) => b - a));
  const completed = all.data.find((event) => event.type === "call.completed")!;
  expect(completed.data).toMatchObject({ id: call.id, object: "call", status: "completed", agent: "Events agent" });

  // One event by id is the same object as in the list.
  const one = await api.get(`/api/v1/events/${completed.id}`);
  expect(one.status()).toBe(200);
  expect(await one.json()).toEqual(completed);

  // Pages of 2 cover the list once, in order; ending_before reads back towards the newest.
  const pages = await pageThrough(api, "/api/v1/events", 2);
  expect(pages.flatMap((page) => page.data.map((event) => event.id))).toEqual(all.data.map((event) => event.id));
  const oldest = all.data.at(-1)!.id;
  const newer = await events(api, { limit: 2, ending_before: oldest });
  expect(newer.data.map((event) => event.id)).toEqual(all.data.slice(-3, -1).map((event) => event.id));
  expect(newer.has_more).toBe(all.data.length > 3);
  expect((await events(api, { ending_before: all.data[0].id })).data).toEqual([]);

  // Filters: one type, several types (comma-separated), and a time window.
  expect((await events(api, { type: "call.ringing" })).data.map((event) => event.data.id)).toEqual([call.id]);
  expect((await events(api, { type: "contact.created,call.queued" })).data.map((event) => event.type)).toEqual(["contact.created", "call.queued"]);
  const contactEvent = all.data[0];
  expect((await events(api, { "created[gte]": contactEvent.created_at })).data.map((event) => event.id)).toEqual([contactEvent.id]);
  const before = await events(api, { "created[lt]": contactEvent.created_at, type: "contact.created,call.completed" });
  expect(before.data.map((event) => event.id)).toEqual([completed.id]);
  expect((await events(api, { "created[lt]": "2020-01-01" })).data).toEqual([]);

  // Bad filters are refused, naming the parameter.
  await expectError(await api.get("/api/v1/events", { type: "call.done" }), 400, { type: "invalid_request_error", param: "type" });
  await expectError(await api.get("/api/v1/events", { "created[gte]": "yesterday" }), 400, { type: "invalid_request_error", param: "created[gte]" });
  await expectError(await api.get("/api/v1/events", { "created[lt]": "2026-13-01" }), 400, { type: "invalid_request_error", param: "created[lt]" });
  await expectError(await api.get("/api/v1/events", { starting_after: oldest, ending_before: oldest }), 400, { type: "invalid_request_error", param: "ending_before" });
  await expectError(await api.get("/api/v1/events", { ending_before: call.id }), 400, { type: "invalid_request_error", param: "ending_before" });
  await expectError(await api.get("/api/v1/events", { created: "2026-11-30" }), 400, { type: "invalid_request_error", code: "unknown_parameter", param: "created" });
  await expectError(await api.get("/api/v1/events?type=call.queued&type=call.ringing"), 400, { type: "invalid_request_error", param: "type" });
  await expectError(await api.get(`/api/v1/events/${call.id}`), 400, { type: "invalid_request_error", param: "id" });
});

test("a key sees only the events it may read, and another account sees none", { tag: ["@api", "@webhooks", "@security"] }, async ({ browser, request }) => {
  test.setTimeout(test.info().timeout * 3);
  const [{ Owner, Contacts }, { Stranger }] = await Promise.all([
    accountWithKeys(browser, { Owner: {}, Contacts: { access: "Restricted", scopes: { Contacts: "Read" } } }),
    accountWithKeys(browser, { Stranger: {} }),
  ]);
  const owner = client(request, Owner);
  const { call, contact } = await callThenContact(owner);
  const callEvent = (await events(owner, { type: "call.completed" })).data[0];
  const contactEvent = (await events(owner, { type: "contact.created" })).data[0];
  expect(callEvent.data.id).toBe(call.id);

  // Contacts: Read sees contact events only (not calls, not key events), full pages, by id too.
  const contacts = client(request, Contacts);
  const seen = await events(contacts, { limit: 1 });
  expect(seen.data.map((event) => event.id)).toEqual([contactEvent.id]);
  expect(seen.has_more).toBe(false);
  expect((await events(contacts, { type: "call.completed,call.queued" })).data).toEqual([]);
  expect((await (await contacts.get(`/api/v1/events/${contactEvent.id}`)).json()).data.id).toBe(contact.id);
  await expectError(await contacts.get(`/api/v1/events/${callEvent.id}`), 404, { type: "not_found_error", code: "resource_missing" });

  // Another account: an empty list, and the owner's events are 404 like missing ones.
  const stranger = client(request, Stranger);
  const theirs = await events(stranger, { limit: 100 });
  expect(theirs.data.filter((event) => event.type !== "api_key.created")).toEqual([]);
  expect(JSON.stringify(theirs)).not.toContain(call.id);
  for (const id of [callEvent.id, contactEvent.id]) {
    await expectError(await stranger.get(`/api/v1/events/${id}`), 404, { type: "not_found_error", code: "resource_missing" });
  }
});

test("the API reference lists every event type with its payload", { tag: ["@docs", "@webhooks"] }, async ({ page, request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  const types = Object.keys(document.webhooks);
  expect(types).toEqual(expect.arrayContaining(["call.completed", "contact.created", "inbound_call.routed", "api_key.revoked", "ping"]));
  await page.goto("/docs/api");
  const webhooks = page.getByRole("region", { name: "Webhooks" });
  await expect(webhooks.getByRole("heading", { name: "Webhooks", level: 2 })).toBeVisible();
  for (const type of types) await expect(webhooks.getByRole("rowheader", { name: type, exact: true })).toBeVisible();
  const calls = webhooks.getByRole("article", { name: /^Events call\.queued/ });
  await expect(calls.getByRole("rowheader", { name: /^transcript/ })).toBeVisible();
  await calls.getByText("Example call.completed body").click();
  await expect(calls.locator("pre")).toContainText('"type": "call.completed"');
});
