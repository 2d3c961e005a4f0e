import type { Schemas } from "@switchboard/sdk";
import { expect, test } from "./support/test";
import { accountWithKeys, client, expectError } from "./support/api-client";
import { expectData, expectFailure, pagesOf, sdk } from "./support/sdk";

const ADA: Schemas["CreateContact"] = {
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
  const api = sdk(request, CRM);

  const contact = await expectData(api.POST("/api/v1/contacts", { body: ADA }), 201);
  expect(contact).toEqual({
    id: expect.stringMatching(/^contact_[0-9a-z]{25}$/),
    object: "contact",
    ...ADA,
    created_at: expect.any(String),
    updated_at: expect.any(String),
  });
  expect(new Date(contact.created_at).toISOString()).toBe(contact.created_at);

  // The same external_id again updates that contact: fields sent replace, fields left out stay.
  const byId = { params: { path: { id: contact.id } } };
  const upserted = await expectData(api.POST("/api/v1/contacts", { body: { external_id: ADA.external_id, company: "Babbage & Co", email: null } }));
  expect(upserted).toMatchObject({ ...ADA, id: contact.id, company: "Babbage & Co", email: null });

  expect(await expectData(api.GET("/api/v1/contacts/{id}", byId))).toMatchObject({ id: contact.id, company: "Babbage & Co" });

  const byExternalId = await expectData(api.GET("/api/v1/contacts", { params: { query: { external_id: ADA.external_id! } } }));
  expect(byExternalId).toMatchObject({ object: "list", has_more: false, data: [{ id: contact.id }] });
  const byPhone = await expectData(api.GET("/api/v1/contacts", { params: { query: { phone: ADA.phone! } } }));
  expect(byPhone.data.map((c) => c.id)).toEqual([contact.id]);
  expect((await expectData(api.GET("/api/v1/contacts", { params: { query: { phone: "+14155550999" } } }))).data).toEqual([]);

  const patched = await expectData(api.PATCH("/api/v1/contacts/{id}", { ...byId, body: { last_name: "King", company: null, metadata: { tier: "1" } } }));
  expect(patched).toMatchObject({ first_name: "Ada", last_name: "King", company: null, metadata: { tier: "1" } });

  expect(await expectData(api.DELETE("/api/v1/contacts/{id}", byId))).toEqual({ id: contact.id, object: "contact", deleted: true });
  await expectFailure(api.GET("/api/v1/contacts/{id}", byId), 404, { type: "not_found_error", param: "id" });
  await expectFailure(api.DELETE("/api/v1/contacts/{id}", byId), 404, { type: "not_found_error" });

  // Its external_id is free again.
  await expectData(api.POST("/api/v1/contacts", { body: ADA }), 201);
});

test("concurrent identical upserts create one contact; without external_id every POST creates", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = sdk(request, CRM);

  const answers = await Promise.all(Array.from({ length: 6 }, () => api.POST("/api/v1/contacts", { body: ADA })));
  const statuses = answers.map(({ response }) => response.status).sort();
  expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
  const ids = new Set(answers.map(({ data }) => data?.id));
  expect(ids.size).toBe(1);
  expect((await expectData(api.GET("/api/v1/contacts", { params: { query: { external_id: ADA.external_id! } } }))).data).toHaveLength(1);

  const first = await expectData(api.POST("/api/v1/contacts", { body: { phone: "+14155550199" } }), 201);
  const second = await expectData(api.POST("/api/v1/contacts", { body: { phone: "+14155550199" } }), 201);
  expect(first.id).not.toBe(second.id);
});

test("an Idempotency-Key replays the first answer", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = sdk(request, CRM);
  const post = () => api.POST("/api/v1/contacts", { body: { first_name: "Grace" }, params: { header: { "Idempotency-Key": "sync-42" } } });

  const first = await post();
  const replay = await post();
  expect([first.response.status, replay.response.status]).toEqual([201, 201]);
  expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
  expect(replay.data?.id).toBe(first.data?.id);
  expect((await expectData(api.GET("/api/v1/contacts"))).data).toHaveLength(1);
});

test("lists page with limit and starting_after, newest first, without repeats", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { CRM } = await accountWithKeys(browser, { CRM: {} });
  const api = sdk(request, CRM);
  const created: string[] = [];
  for (let i = 0; i < 5; i++) created.push((await expectData(api.POST("/api/v1/contacts", { body: { external_id: `crm-${i}` } }), 201)).id);

  const pages = await pagesOf((startingAfter) => expectData(api.GET("/api/v1/contacts", { params: { query: { limit: 2, starting_after: startingAfter } } })));

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
  // Raw requests: the SDK's types would not let these bodies and queries be sent.
  const api = client(request, CRM);
  const existing = await expectData(sdk(request, CRM).POST("/api/v1/contacts", { body: ADA }), 201);

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
  const api = sdk(request, CRM);
  await expectData(api.POST("/api/v1/contacts", { body: ADA }), 201);
  const grace = await expectData(api.POST("/api/v1/contacts", { body: { external_id: "hubspot-7", first_name: "Grace" } }), 201);
  const byId = { params: { path: { id: grace.id } } };

  await expectFailure(api.PATCH("/api/v1/contacts/{id}", { ...byId, body: { external_id: ADA.external_id } }), 409, {
    type: "conflict_error",
    code: "external_id_taken",
    param: "external_id",
  });
  expect(await expectData(api.GET("/api/v1/contacts/{id}", byId))).toEqual(grace);
});

test("another account's key gets 404 for my contact and changes nothing", { tag: ["@api", "@contacts"] }, async ({ browser, request }) => {
  const { Owner } = await accountWithKeys(browser, { Owner: {} });
  const { Intruder } = await accountWithKeys(browser, { Intruder: {} });
  const owner = sdk(request, Owner);
  const intruder = sdk(request, Intruder);
  const contact = await expectData(owner.POST("/api/v1/contacts", { body: ADA }), 201);
  const byId = { params: { path: { id: contact.id } } };

  await expectFailure(intruder.GET("/api/v1/contacts/{id}", byId), 404, { type: "not_found_error", code: "resource_missing", param: "id" });
  await expectFailure(intruder.PATCH("/api/v1/contacts/{id}", { ...byId, body: { first_name: "Mallory" } }), 404, { type: "not_found_error" });
  await expectFailure(intruder.DELETE("/api/v1/contacts/{id}", byId), 404, { type: "not_found_error" });
  expect((await expectData(intruder.GET("/api/v1/contacts"))).data).toEqual([]);
  expect((await expectData(intruder.GET("/api/v1/contacts", { params: { query: { external_id: ADA.external_id! } } }))).data).toEqual([]);

  // The same external_id in another account is another contact.
  const theirs = await expectData(intruder.POST("/api/v1/contacts", { body: { ...ADA, first_name: "Mallory" } }), 201);
  expect(theirs.id).not.toBe(contact.id);

  expect(await expectData(owner.GET("/api/v1/contacts/{id}", byId))).toEqual(contact);
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
  const refused = { type: "permission_error", code: "missing_permission" } as const;

  test("a Read only key reads contacts but cannot write them", async ({ browser, request }) => {
    const { Full, Reader } = await accountWithKeys(browser, { Full: {}, Reader: { access: "Read only" } });
    const contact = await expectData(sdk(request, Full).POST("/api/v1/contacts", { body: ADA }), 201);
    const byId = { params: { path: { id: contact.id } } };
    const reader = sdk(request, Reader);

    await expectData(reader.GET("/api/v1/contacts"));
    await expectData(reader.GET("/api/v1/contacts/{id}", byId));
    await expectFailure(reader.POST("/api/v1/contacts", { body: { first_name: "Grace" } }), 403, refused);
    await expectFailure(reader.PATCH("/api/v1/contacts/{id}", { ...byId, body: { first_name: "Grace" } }), 403, refused);
    await expectFailure(reader.DELETE("/api/v1/contacts/{id}", byId), 403, refused);
    expect((await expectData(reader.GET("/api/v1/contacts"))).data).toEqual([contact]);
  });

  test("a Restricted key gets exactly its Contacts level", async ({ browser, request }) => {
    const keys = await accountWithKeys(browser, {
      Full: {},
      "No contacts": { access: "Restricted", scopes: { Calls: "Write", Contacts: "None", Routing: "Write" } },
      "Contacts read": { access: "Restricted", scopes: { Contacts: "Read" } },
      "Contacts write": { access: "Restricted", scopes: { Contacts: "Write" } },
    });
    const contact = await expectData(sdk(request, keys.Full).POST("/api/v1/contacts", { body: ADA }), 201);
    const byId = { params: { path: { id: contact.id } } };

    const none = sdk(request, keys["No contacts"]);
    await expectFailure(none.GET("/api/v1/contacts"), 403, refused);
    await expectFailure(none.GET("/api/v1/contacts/{id}", byId), 403, refused);
    await expectFailure(none.POST("/api/v1/contacts", { body: { first_name: "Grace" } }), 403, refused);

    const reader = sdk(request, keys["Contacts read"]);
    await expectData(reader.GET("/api/v1/contacts/{id}", byId));
    await expectFailure(reader.PATCH("/api/v1/contacts/{id}", { ...byId, body: { first_name: "Grace" } }), 403, refused);

    const writer = sdk(request, keys["Contacts write"]);
    await expectData(writer.PATCH("/api/v1/contacts/{id}", { ...byId, body: { first_name: "Grace" } }));
    await expectData(writer.POST("/api/v1/contacts", { body: { first_name: "Alan" } }), 201);
    await expectFailure(writer.GET("/api/v1/calls"), 403, refused);
  });
});
