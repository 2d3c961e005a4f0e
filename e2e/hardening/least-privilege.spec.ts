import { expect, test, type APIRequestContext } from "@playwright/test";
import { queryDatabase } from "./support/database";
import { accountWithKeys } from "./support/keys";
import { hardeningPort, startProductionServer, type ProductionServer } from "./support/server";

let server: ProductionServer;

test.beforeAll(async () => {
  // Room for the 201 rule creations below within one key's rate limit.
  server = await startProductionServer({ port: hardeningPort(5), env: { RATE_LIMIT_REQUESTS: "1000" } });
});

test.afterAll(async () => {
  await server?.stop();
});

function api(request: APIRequestContext, key: string) {
  const headers = { Authorization: `Bearer ${key}` };
  const url = (path: string) => `${server.baseURL}/api/v1${path}`;
  return {
    get: (path: string) => request.get(url(path), { headers }),
    post: (path: string, data: unknown) => request.post(url(path), { headers, data }),
    patch: (path: string, data: unknown) => request.patch(url(path), { headers, data }),
  };
}

const RECEIVER = "http://127.0.0.1:9/switchboard";

test("a key may subscribe an endpoint only to events it may read; URL changes are audited", async ({ browser, request }) => {
  const { account, keys } = await accountWithKeys(browser, server.baseURL, {
    full: {},
    hooksOnly: { access: "Restricted", scopes: { Webhooks: "Write" } },
    hooksAndCalls: { access: "Restricted", scopes: { Webhooks: "Write", Calls: "Read" } },
  });
  const hooksOnly = api(request, keys.hooksOnly);

  // The key cannot read calls itself…
  expect((await hooksOnly.get("/calls")).status()).toBe(403);
  // …so it cannot have them sent to it either, one event or all of them.
  for (const events of [["call.completed"], ["*"], ["ping", "contact.created"], ["inbound_call.routed"]]) {
    const response = await hooksOnly.post("/webhook-endpoints", { url: RECEIVER, events });
    expect(response.status(), JSON.stringify(events)).toBe(403);
    const { error } = await response.json();
    expect(error).toMatchObject({ type: "permission_error", code: "missing_permission", param: "events" });
    expect(error.message).toMatch(/needs the .*(calls|contacts):read/);
  }
  const star = await (await hooksOnly.post("/webhook-endpoints", { url: RECEIVER, events: ["*"] })).json();
  expect(star.error.message).toContain("calls:read, contacts:read, routing:read");
  expect((await hooksOnly.post("/webhook-endpoints", { url: RECEIVER, events: ["ping"] })).status()).toBe(201);
  expect((await api(request, keys.hooksAndCalls).post("/webhook-endpoints", { url: RECEIVER, events: ["call.completed"] })).status()).toBe(201);

  // An endpoint the owner subscribed to calls cannot be redirected, nor widened, by that key.
  const full = api(request, keys.full);
  const owned = await (await full.post("/webhook-endpoints", { url: RECEIVER, events: ["call.completed"] })).json();
  expect((await hooksOnly.patch(`/webhook-endpoints/${owned.id}`, { url: "http://127.0.0.1:10/elsewhere" })).status()).toBe(403);
  expect((await hooksOnly.patch(`/webhook-endpoints/${owned.id}`, { events: ["*"] })).status()).toBe(403);
  // Pausing it needs no more than Webhooks: Write.
  expect((await hooksOnly.patch(`/webhook-endpoints/${owned.id}`, { enabled: false })).status()).toBe(200);

  // A URL change by a key that may make it is recorded: which endpoint, from where to where, by which key.
  expect((await full.patch(`/webhook-endpoints/${owned.id}`, { url: "http://127.0.0.1:10/elsewhere" })).status()).toBe(200);
  const [user] = queryDatabase<{ id: string }>(server.databaseFile, `SELECT id FROM "User" WHERE email = ?`, account.email);
  const audits = queryDatabase<{ detail: string; ip: string | null; actor: string; apiKeyId: string | null }>(
    server.databaseFile,
    `SELECT detail, ip, actor, "apiKeyId" FROM "AuditEvent" WHERE "userId" = ? AND action = 'webhook_endpoint.url_changed'`,
    user.id,
  );
  expect(audits).toHaveLength(1);
  expect(JSON.parse(audits[0].detail)).toMatchObject({ endpoint_id: owned.id, from: "http://127.0.0.1:9", to: "http://127.0.0.1:10" });
  expect(audits[0]).toMatchObject({ actor: "api_key", apiKeyId: expect.stringMatching(/\S/) });
  expect(audits[0].ip).toBeTruthy();
});

test("an inbound-call answer shows the routing target only to a key that may read routing", async ({ browser, request }) => {
  const { keys } = await accountWithKeys(browser, server.baseURL, {
    full: {},
    callsOnly: { access: "Restricted", scopes: { Calls: "Write" } },
  });
  const full = api(request, keys.full);
  const callsOnly = api(request, keys.callsOnly);
  const rule = await full.post("/routing-rules", { caller_prefix: "+44", priority: 1, action: "forward", target: "+442079460000" });
  expect(rule.status()).toBe(201);

  const hidden = await callsOnly.post("/inbound-calls", { from: "+442079460123", to: "+14155550100" });
  expect(hidden.status()).toBe(201);
  const hiddenCall = await hidden.json();
  expect(hiddenCall).toMatchObject({ object: "call", direction: "inbound", routing: null, agent: null });
  expect(JSON.stringify(hiddenCall)).not.toContain("+442079460000");
  // Reading the call back does not reveal it either.
  expect(JSON.stringify(await (await callsOnly.get(`/calls/${hiddenCall.id}`)).json())).not.toContain("+442079460000");
  expect(JSON.stringify(await (await callsOnly.get("/calls")).json())).not.toContain("+442079460000");

  const shown = await (await full.post("/inbound-calls", { from: "+442079460123", to: "+14155550100" })).json();
  expect(shown.routing).toMatchObject({ action: "forward", target: "+442079460000" });
  expect((await (await full.get(`/calls/${hiddenCall.id}`)).json()).routing.target).toBe("+442079460000");
});

test("an account has at most 20 webhook endpoints and 200 routing rules, with clear errors", async ({ browser, request }) => {
  const { keys } = await accountWithKeys(browser, server.baseURL, { full: {} });
  const full = api(request, keys.full);
  for (let i = 0; i < 20; i++) expect((await full.post("/webhook-endpoints", { url: `${RECEIVER}/${i}`, events: ["ping"] })).status()).toBe(201);
  const endpoint = await full.post("/webhook-endpoints", { url: `${RECEIVER}/21`, events: ["ping"] });
  expect(endpoint.status()).toBe(409);
  expect((await endpoint.json()).error).toMatchObject({ code: "webhook_endpoint_limit_reached", message: expect.stringContaining("at most 20 webhook endpoints") });

  for (let batch = 0; batch < 10; batch++) {
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => full.post("/routing-rules", { priority: batch * 20 + i, action: "agent", target: `Agent ${i}` })),
    );
    expect(created.map((response) => response.status())).toEqual(Array(20).fill(201));
  }
  const rule = await full.post("/routing-rules", { priority: 1, action: "agent", target: "One too many" });
  expect(rule.status()).toBe(409);
  expect((await rule.json()).error).toMatchObject({ code: "routing_rule_limit_reached", message: expect.stringContaining("at most 200 routing rules") });
});
