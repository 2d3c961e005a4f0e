import { expect, test } from "./support/test";
import { accountWithKeys, client, expectError, pageThrough } from "./support/api-client";

const ADA = {
  external_id: "hubspot-5012",
  phone: "+14155550123",
  email: "ada@example.com",
  first_name: "Ada",
  last_name: "Lovelace",
  company: "Analytical Engines",
  metadata: { plan: "gold" },
};

const MISSING_ID = "contact_000000000aaaaaaaaaaaaaaaa";

test("a CRM syncs a contact: create, upsert by external_id, find, update and delete", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = client(request, CRM);

  const created = await api.post("/api/v1/contacts", ADA);
  expect(created.status()).toBe(201);
  const contact = await created.json();
  expect(contact).toEqual({
    id: expect.stringMatching(/^contact_[0-9a-z]{25}$/),
    object: "contact",
    ...ADA,
    created_at: expect.any(String),
    updated_at: expect.any(String),
  });
  expect(new Date(contact.created_at).toISOString()).toBe(contact.created_at);

  // The same external_id again updates that contact: fields sent replace, fields left out stay.
  const upserted = await api.post("/api/v1/contacts", { external_id: ADA.external_id, company: "Babbage & Co", email: null });
  expect(upserted.status()).toBe(200);
  expect(await upserted.json()).toMatchObject({ ...ADA, id: contact.id, company: "Babbage & Co", email: null });

  const fetched = await api.get(`/api/v1/contacts/${contact.id}`);
  expect(fetched.status()).toBe(200);
  expect(await fetched.json()).toMatchObject({ id: contact.id, company: "Babbage & Co" });

  const byExternalId = await (await api.get("/api/v1/contacts", { external_id: ADA.external_id })).json();
  expect(byExternalId).toMatchObject({ object: "list", has_more: false, data: [{ id: contact.id }] });
  const byPhone = await (await api.get("/api/v1/contacts", { phone: ADA.phone })).json();
  expect(byPhone.data.map((c: { id: string }) => c.id)).toEqual([contact.id]);
  expect((await (await api.get("/api/v1/contacts", { phone: "+14155550999" })).json()).data).toEqual([]);

  const patched = await api.patch(`/api/v1/contacts/${contact.id}`, { last_name: "King", company: null, metadata: { tier: "1" } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ first_name: "Ada", last_name: "King", company: null, metadata: { tier: "1" } });

  const deleted = await api.delete(`/api/v1/contacts/${contact.id}`);
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ id: contact.id, object: "contact", deleted: true });
  await expectError(await api.get(`/api/v1/contacts/${contact.id}`), 404, { type: "not_found_error", param: "id" });
  await expectError(await api.delete(`/api/v1/contacts/${contact.id}`), 404, { type: "not_found_error" });

  // Its external_id is free again.
  expect((await api.post("/api/v1/contacts", ADA)).status()).toBe(201);
});

test("concurrent identical upserts create one contact; without external_id every POST creates", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = client(request, CRM);

  const responses = await Promise.all(Array.from({ length: 6 }, () => api.post("/api/v1/contacts", ADA)));
  const statuses = responses.map((response) => response.status()).sort();
  expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
  const ids = new Set(await Promise.all(responses.map(async (response) => (await response.json()).id)));
  expect(ids.size).toBe(1);
  expect((await (await api.get("/api/v1/contacts", { external_id: ADA.external_id })).json()).data).toHaveLength(1);

  const first = await api.post("/api/v1/contacts", { phone: "+14155550199" });
  const second = await api.post("/api/v1/contacts", { phone: "+14155550199" });
  expect([first.status(), second.status()]).toEqual([201, 201]);
  expect((await first.json()).id).not.toBe((await second.json()).id);
});

test("an Idempotency-Key replays the first answer", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = client(request, CRM);

  const first = await api.post("/api/v1/contacts", { first_name: "Grace" }, { "Idempotency-Key": "sync-42" });
  const replay = await api.post("/api/v1/contacts", { first_name: "Grace" }, { "Idempotency-Key": "sync-42" });
  expect([first.status(), replay.status()]).toEqual([201, 201]);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  expect((await replay.json()).id).toBe((await first.json()).id);
  expect((await (await api.get("/api/v1/contacts")).json()).data).toHaveLength(1);
});

test("lists page with limit and starting_after, newest first, without repeats", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = client(request, CRM);
  const created: string[] = [];
  for (let i = 0; i < 5; i++) created.push((await (await api.post("/api/v1/contacts", { external_id: `crm-${i}` })).json()).id);

  const pages = await pageThrough(api, "/api/v1/contacts", 2);

  expect(pages.map((page) => [page.data.length, page.has_more])).toEqual([
    [2, true],
    [2, true],
    [1, false],
  ]);
  const seen = pages.flatMap((page) => page.data.map((contact) => contact.id));
  expect(new Set(seen).size).toBe(5);
  expect(seen).toEqual([...created].sort().reverse());
});

test("bad input is a 400 that names the field, and nothing is written", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = client(request, CRM);
  const existing = await (await api.post("/api/v1/contacts", ADA)).json();

  const badBodies: [unknown, string, string][] = [
    // Written numbers such as 415-555-0123 are read (api-tolerant-input.spec.ts); these are not numbers.
    [{ phone: "call me" }, "phone", "invalid_parameter"],
    [{ phone: "415-555-01" }, "phone", "invalid_parameter"],
    [{ phone: true }, "phone", "invalid_parameter"],
    [{ email: "not-an-email" }, "email", "invalid_parameter"],
    [{ first_name: 42 }, "first_name", "invalid_parameter"],
    [{ external_id: "x".repeat(256) }, "external_id", "invalid_parameter"],
    [{ metadata: { plan: { tier: 1 } } }, "metadata.plan", "invalid_parameter"],
    [{ metadata: ["gold"] }, "metadata", "invalid_parameter"],
    [{ phone_number: "+14155550123" }, "phone_number", "unknown_parameter"],
  ];
  for (const [body, param, code] of badBodies) {
    await expectError(await api.post("/api/v1/contacts", body), 400, { type: "invalid_request_error", code, param });
    await expectError(await api.patch(`/api/v1/contacts/${existing.id}`, body), 400, { type: "invalid_request_error", code, param });
  }
  // An upsert with a bad field leaves the matching contact as it was.
  await expectError(await api.post("/api/v1/contacts", { external_id: ADA.external_id, phone: "0123" }), 400, { param: "phone" });

  const notJson = await request.post("/api/v1/contacts", { headers: { Authorization: `Bearer ${CRM}`, "Content-Type": "application/json" }, data: Buffer.from("{oops") });
  await expectError(notJson, 400, { type: "invalid_request_error", code: "invalid_json" });

  for (const id of ["nope", "rule_000000000aaaaaaaaaaaaaaaa", "contact_TOOSHORT"]) {
    await expectError(await api.get(`/api/v1/contacts/${id}`), 400, { code: "invalid_id", param: "id" });
    await expectError(await api.patch(`/api/v1/contacts/${id}`, { first_name: "X" }), 400, { code: "invalid_id", param: "id" });
    await expectError(await api.delete(`/api/v1/contacts/${id}`), 400, { code: "invalid_id", param: "id" });
  }
  await expectError(await api.get(`/api/v1/contacts/${MISSING_ID}`), 404, { type: "not_found_error", param: "id" });
  await expectError(await api.patch(`/api/v1/contacts/${MISSING_ID}`, { first_name: "X" }), 404, { type: "not_found_error" });
  await expectError(await api.delete(`/api/v1/contacts/${MISSING_ID}`), 404, { type: "not_found_error" });

  const badQueries: [Record<string, string | number>, string][] = [
    [{ limit: 0 }, "limit"],
    [{ limit: 101 }, "limit"],
    [{ limit: "two" }, "limit"],
    [{ starting_after: "rule_000000000aaaaaaaaaaaaaaaa" }, "starting_after"],
    [{ phone: "415555" }, "phone"],
    [{ email: "ada@example.com" }, "email"],
  ];
  for (const [query, param] of badQueries) {
    await expectError(await api.get("/api/v1/contacts", query), 400, { type: "invalid_request_error", param });
  }

  const list = await (await api.get("/api/v1/contacts")).json();
  expect(list.data).toEqual([existing]);
});

test("PATCH to an external_id another contact has is a 409", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = client(request, CRM);
  await api.post("/api/v1/contacts", ADA);
  const grace = await (await api.post("/api/v1/contacts", { external_id: "hubspot-7", first_name: "Grace" })).json();

  await expectError(await api.patch(`/api/v1/contacts/${grace.id}`, { external_id: ADA.external_id }), 409, {
    type: "conflict_error",
    code: "external_id_taken",
    param: "external_id",
  });
  expect(await (await api.get(`/api/v1/contacts/${grace.id}`)).json()).toEqual(grace);
});

test("another account's key gets 404 for my contact and changes nothing", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { Owner } = await accountWithKeys(browser, { Owner: {} });
  const { Intruder } = await accountWithKeys(browser, { Intruder: {} });
  const owner = client(request, Owner);
  const intruder = client(request, Intruder);
  const contact = await (await owner.post("/api/v1/contacts", ADA)).json();

  await expectError(await intruder.get(`/api/v1/contacts/${contact.id}`), 404, { type: "not_found_error", code: "resource_missing", param: "id" });
  await expectError(await intruder.patch(`/api/v1/contacts/${contact.id}`, { first_name: "Mallory" }), 404, { type: "not_found_error" });
  await expectError(await intruder.delete(`/api/v1/contacts/${contact.id}`), 404, { type: "not_found_error" });
  expect((await (await intruder.get("/api/v1/contacts")).json()).data).toEqual([]);
  expect((await (await intruder.get("/api/v1/contacts", { external_id: ADA.external_id })).json()).data).toEqual([]);

  // The same external_id in another account is another contact.
  const theirs = await intruder.post("/api/v1/contacts", { ...ADA, first_name: "Mallory" });
  expect(theirs.status()).toBe(201);
  expect((await theirs.json()).id).not.toBe(contact.id);

  expect(await (await owner.get(`/api/v1/contacts/${contact.id}`)).json()).toEqual(contact);
});

test("contacts routes need an API key", { tag: ["@api", "@contacts"] }, async ({ request }) => {
  for (const response of [
    await request.get("/api/v1/contacts"),
    await request.post("/api/v1/contacts", { data: ADA }),
    await request.get(`/api/v1/contacts/${MISSING_ID}`),
    await request.patch(`/api/v1/contacts/${MISSING_ID}`, { data: {} }),
    await request.delete(`/api/v1/contacts/${MISSING_ID}`),
  ]) {
    await expectError(response, 401, { type: "authentication_error", code: "missing_api_key" });
  }
});

test.describe("permissions", { tag: ["@api", "@contacts"] }, () => {
  test("a Read only key reads contacts but cannot write them", async ({ browser, request }) => {
    const { Full, Reader } = await accountWithKeys(browser, { Full: {}, Reader: { access: "Read only" } });
    const contact = await (await client(request, Full).post("/api/v1/contacts", ADA)).json();
    const reader = client(request, Reader);

    expect((await reader.get("/api/v1/contacts")).status()).toBe(200);
    expect((await reader.get(`/api/v1/contacts/${contact.id}`)).status()).toBe(200);
    const refused = { type: "permission_error", code: "missing_permission" };
    await expectError(await reader.post("/api/v1/contacts", { first_name: "Grace" }), 403, refused);
    await expectError(await reader.patch(`/api/v1/contacts/${contact.id}`, { first_name: "Grace" }), 403, refused);
    await expectError(await reader.delete(`/api/v1/contacts/${contact.id}`), 403, refused);
    expect((await (await reader.get("/api/v1/contacts")).json()).data).toEqual([contact]);
  });

  test("a Restricted key gets exactly its Contacts level", async ({ browser, request }) => {
    const keys = await accountWithKeys(browser, {
      Full: {},
      "No contacts": { access: "Restricted", scopes: { Calls: "Write", Contacts: "None", Routing: "Write" } },
      "Contacts read": { access: "Restricted", scopes: { Contacts: "Read" } },
      "Contacts write": { access: "Restricted", scopes: { Contacts: "Write" } },
    });
    const contact = await (await client(request, keys.Full).post("/api/v1/contacts", ADA)).json();
    const refused = { type: "permission_error", code: "missing_permission" };

    const none = client(request, keys["No contacts"]);
    await expectError(await none.get("/api/v1/contacts"), 403, refused);
    await expectError(await none.get(`/api/v1/contacts/${contact.id}`), 403, refused);
    await expectError(await none.post("/api/v1/contacts", { first_name: "Grace" }), 403, refused);

    const reader = client(request, keys["Contacts read"]);
    expect((await reader.get(`/api/v1/contacts/${contact.id}`)).status()).toBe(200);
    await expectError(await reader.patch(`/api/v1/contacts/${contact.id}`, { first_name: "Grace" }), 403, refused);

    const writer = client(request, keys["Contacts write"]);
    expect((await writer.patch(`/api/v1/contacts/${contact.id}`, { first_name: "Grace" })).status()).toBe(200);
    expect((await writer.post("/api/v1/contacts", { first_name: "Alan" })).status()).toBe(201);
    await expectError(await writer.get("/api/v1/calls"), 403, refused);
  });
});
