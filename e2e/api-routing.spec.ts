import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";
import { accountWithKeys, client, expectError, pageThrough } from "./support/api-client";
import { me } from "./support/api-keys";

async function created(response: APIResponse) {
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

const YOUR_NUMBER = "+14155550100";
const UK_CALLER = "+442079460123";
const US_CALLER = "+12125550123";
const FALLBACK = { rule_id: null, action: "agent", target: "default" };
const MISSING_ID = "rule_000000000aaaaaaaaaaaaaaaa";

// "HH:MM" on the wall clock of `timeZone`, `offsetMinutes` from now.
function wallClock(timeZone: string, offsetMinutes: number) {
  const instant = new Date(Date.now() + offsetMinutes * 60_000);
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

test("routing rules: create, read, list, update and delete", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Routing } = await accountWithKeys(browser, { Routing: {} });
  const api = client(request, Routing);

  const schedule = { time_zone: "Europe/London", days: ["mon", "tue", "wed", "thu", "fri"], start: "18:00", end: "09:00" };
  const rule = await created(
    await api.post("/api/v1/routing-rules", { name: "UK after hours", priority: 10, caller_prefix: "+44", schedule, action: "forward", target: "+442079460000" }),
  );
  expect(rule).toEqual({
    id: expect.stringMatching(/^rule_[0-9a-z]{25}$/),
    object: "routing_rule",
    name: "UK after hours",
    priority: 10,
    called_number: null,
    caller_prefix: "+44",
    schedule,
    action: "forward",
    target: "+442079460000",
    created_at: expect.any(String),
    updated_at: expect.any(String),
  });

  expect(await (await api.get(`/api/v1/routing-rules/${rule.id}`)).json()).toEqual(rule);
  expect(await (await api.get("/api/v1/routing-rules")).json()).toEqual({ object: "list", data: [rule], has_more: false });

  const patched = await api.patch(`/api/v1/routing-rules/${rule.id}`, { schedule: null, called_number: YOUR_NUMBER, action: "agent", target: "Front desk" });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ id: rule.id, caller_prefix: "+44", schedule: null, called_number: YOUR_NUMBER, action: "agent", target: "Front desk" });

  const deleted = await api.delete(`/api/v1/routing-rules/${rule.id}`);
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ id: rule.id, object: "routing_rule", deleted: true });
  await expectError(await api.get(`/api/v1/routing-rules/${rule.id}`), 404, { type: "not_found_error", param: "id" });
  await expectError(await api.delete(`/api/v1/routing-rules/${rule.id}`), 404, { type: "not_found_error" });
});

test("inbound calls are routed by the first matching rule, recorded and then completed", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Switchboard } = await accountWithKeys(browser, { Switchboard: {} });
  const api = client(request, Switchboard);
  const apiKeyId = (await (await me(request, Switchboard)).json()).api_key.id;

  const catchAll = await created(await api.post("/api/v1/routing-rules", { priority: 100, action: "agent", target: "Night desk" }));
  const sales = await created(await api.post("/api/v1/routing-rules", { priority: 20, called_number: YOUR_NUMBER, action: "agent", target: "Sales line" }));
  const uk = await created(await api.post("/api/v1/routing-rules", { priority: 10, caller_prefix: "+44", action: "forward", target: "+442079460000" }));
  // Same priority as the UK rule but newer: the older one wins the tie.
  await created(await api.post("/api/v1/routing-rules", { priority: 10, caller_prefix: "+4420", action: "agent", target: "London office" }));

  const forwarded = await created(await api.post("/api/v1/inbound-calls", { from: UK_CALLER, to: YOUR_NUMBER }));
  expect(forwarded).toMatchObject({
    id: expect.stringMatching(/^call_[0-9a-z]{25}$/),
    object: "call",
    direction: "inbound",
    status: "ringing",
    from: UK_CALLER,
    to: YOUR_NUMBER,
    api_key_id: apiKeyId,
    provider: "simulator",
    routing: { rule_id: uk.id, action: "forward", target: "+442079460000" },
    ringing_at: expect.any(String),
  });

  const toSales = await created(await api.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }));
  expect(toSales.routing).toEqual({ rule_id: sales.id, action: "agent", target: "Sales line" });
  expect(toSales.agent).toBe("Sales line");

  const otherLine = await created(await api.post("/api/v1/inbound-calls", { from: US_CALLER, to: "+14155550111" }));
  expect(otherLine.routing).toEqual({ rule_id: catchAll.id, action: "agent", target: "Night desk" });

  // The recorded calls are ordinary calls: listed, retrievable and answered by the simulator.
  const inbound = await (await api.get("/api/v1/calls", { direction: "inbound" })).json();
  expect(inbound.data.map((call: { id: string }) => call.id).sort()).toEqual([forwarded.id, toSales.id, otherLine.id].sort());

  await expect
    .poll(async () => (await (await api.get(`/api/v1/calls/${forwarded.id}`)).json()).status, { timeout: 20_000 })
    .toBe("completed");
  const done = await (await api.get(`/api/v1/calls/${forwarded.id}`)).json();
  expect(done).toMatchObject({
    status: "completed",
    routing: { rule_id: uk.id, action: "forward", target: "+442079460000" },
    summary: `Inbound call from ${UK_CALLER} forwarded to +442079460000.`,
    answered_at: expect.any(String),
    ended_at: expect.any(String),
  });
  await expect
    .poll(async () => (await (await api.get(`/api/v1/calls/${toSales.id}`)).json()).status, { timeout: 20_000 })
    .toBe("completed");
});

test("with no matching rule a call goes to the default agent", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Switchboard } = await accountWithKeys(browser, { Switchboard: {} });
  const api = client(request, Switchboard);

  const noRules = await created(await api.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }));
  expect(noRules.routing).toEqual(FALLBACK);

  await created(await api.post("/api/v1/routing-rules", { called_number: "+14155550199", action: "agent", target: "Other line" }));
  await created(await api.post("/api/v1/routing-rules", { caller_prefix: "+33", action: "forward", target: "+33123456789" }));
  const noMatch = await created(await api.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }));
  expect(noMatch.routing).toEqual(FALLBACK);

  await expect
    .poll(async () => (await (await api.get(`/api/v1/calls/${noMatch.id}`)).json()).status, { timeout: 20_000 })
    .toBe("completed");
  expect((await (await api.get(`/api/v1/calls/${noMatch.id}`)).json()).routing).toEqual(FALLBACK);
});

test("a schedule is read in the rule's time zone", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Switchboard } = await accountWithKeys(browser, { Switchboard: {} });
  const api = client(request, Switchboard);
  const everyDay = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  // Windows around the current time in Kolkata (UTC+5:30): one open now, one that opens later.
  const zone = "Asia/Kolkata";

  await created(
    await api.post("/api/v1/routing-rules", {
      priority: 1,
      schedule: { time_zone: zone, days: everyDay, start: wallClock(zone, 120), end: wallClock(zone, 180) },
      action: "agent",
      target: "Later",
    }),
  );
  const openNow = await created(
    await api.post("/api/v1/routing-rules", {
      priority: 2,
      schedule: { time_zone: zone, days: everyDay, start: wallClock(zone, -60), end: wallClock(zone, 60) },
      action: "agent",
      target: "Open now",
    }),
  );
  await created(await api.post("/api/v1/routing-rules", { priority: 3, action: "agent", target: "Catch-all" }));

  const call = await created(await api.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }));
  expect(call.routing).toEqual({ rule_id: openNow.id, action: "agent", target: "Open now" });
});

test("lists page with limit and starting_after, newest first, without repeats", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Routing } = await accountWithKeys(browser, { Routing: {} });
  const api = client(request, Routing);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await created(await api.post("/api/v1/routing-rules", { priority: i, action: "agent", target: `Agent ${i}` }))).id);

  const pages = await pageThrough(api, "/api/v1/routing-rules", 2);

  expect(pages.map((page) => [page.data.length, page.has_more])).toEqual([
    [2, true],
    [2, true],
    [1, false],
  ]);
  const seen = pages.flatMap((page) => page.data.map((rule) => rule.id));
  expect(new Set(seen).size).toBe(5);
  expect(seen).toEqual([...ids].sort().reverse());
});

test("bad input is a 400 that names the field, and nothing is written", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Routing } = await accountWithKeys(browser, { Routing: {} });
  const api = client(request, Routing);
  const agentRule = await created(await api.post("/api/v1/routing-rules", { action: "agent", target: "Reception" }));
  const schedule = { time_zone: "America/New_York", days: ["mon"], start: "09:00", end: "17:00" };

  const badRules: [Record<string, unknown>, string, string][] = [
    [{ action: "agent" }, "target", "invalid_parameter"],
    [{ target: "Reception" }, "action", "invalid_parameter"],
    [{ action: "voicemail", target: "Reception" }, "action", "invalid_parameter"],
    [{ action: "forward", target: "Reception" }, "target", "invalid_parameter"],
    [{ action: "agent", target: "Reception", priority: "high" }, "priority", "invalid_parameter"],
    [{ action: "agent", target: "Reception", priority: 1.5 }, "priority", "invalid_parameter"],
    [{ action: "agent", target: "Reception", called_number: "415555" }, "called_number", "invalid_parameter"],
    [{ action: "agent", target: "Reception", caller_prefix: "44" }, "caller_prefix", "invalid_parameter"],
    [{ action: "agent", target: "Reception", schedule: { ...schedule, time_zone: "Mars/Olympus_Mons" } }, "schedule.time_zone", "invalid_parameter"],
    [{ action: "agent", target: "Reception", schedule: { ...schedule, time_zone: "+05:30" } }, "schedule.time_zone", "invalid_parameter"],
    [{ action: "agent", target: "Reception", schedule: { ...schedule, days: ["monday"] } }, "schedule.days.0", "invalid_parameter"],
    [{ action: "agent", target: "Reception", schedule: { ...schedule, start: "9am" } }, "schedule.start", "invalid_parameter"],
    [{ action: "agent", target: "Reception", schedule: { ...schedule, end: "09:00" } }, "schedule.end", "invalid_parameter"],
    [{ action: "agent", target: "Reception", schedule: { ...schedule, weeks: 2 } }, "schedule.weeks", "unknown_parameter"],
    [{ action: "agent", target: "Reception", caller: "+44" }, "caller", "unknown_parameter"],
  ];
  for (const [body, param, code] of badRules) {
    await expectError(await api.post("/api/v1/routing-rules", body), 400, { type: "invalid_request_error", code, param });
  }

  // PATCH validates the rule that would result, not only the fields sent.
  await expectError(await api.patch(`/api/v1/routing-rules/${agentRule.id}`, { action: "forward" }), 400, {
    type: "invalid_request_error",
    param: "target",
  });
  await expectError(await api.patch(`/api/v1/routing-rules/${agentRule.id}`, { priority: -1 }), 400, { param: "priority" });
  await expectError(await api.patch(`/api/v1/routing-rules/${agentRule.id}`, { action: "voicemail" }), 400, { param: "action" });
  await expectError(await api.patch(`/api/v1/routing-rules/${agentRule.id}`, { colour: "red" }), 400, { code: "unknown_parameter", param: "colour" });
  expect(await (await api.get(`/api/v1/routing-rules/${agentRule.id}`)).json()).toEqual(agentRule);

  for (const id of ["nope", "contact_000000000aaaaaaaaaaaaaaaa"]) {
    await expectError(await api.get(`/api/v1/routing-rules/${id}`), 400, { code: "invalid_id", param: "id" });
    await expectError(await api.patch(`/api/v1/routing-rules/${id}`, { priority: 1 }), 400, { code: "invalid_id", param: "id" });
    await expectError(await api.delete(`/api/v1/routing-rules/${id}`), 400, { code: "invalid_id", param: "id" });
  }
  await expectError(await api.get(`/api/v1/routing-rules/${MISSING_ID}`), 404, { type: "not_found_error", param: "id" });
  await expectError(await api.patch(`/api/v1/routing-rules/${MISSING_ID}`, { priority: 1 }), 404, { type: "not_found_error" });
  await expectError(await api.get("/api/v1/routing-rules", { limit: 0 }), 400, { param: "limit" });
  await expectError(await api.get("/api/v1/routing-rules", { starting_after: "call_000000000aaaaaaaaaaaaaaaa" }), 400, { param: "starting_after" });

  const badCalls: [Record<string, unknown>, string, string][] = [
    [{ to: YOUR_NUMBER }, "from", "invalid_parameter"],
    [{ from: "anonymous", to: YOUR_NUMBER }, "from", "invalid_parameter"],
    [{ from: US_CALLER, to: true }, "to", "invalid_parameter"],
    [{ from: US_CALLER, to: YOUR_NUMBER, agent: "Sales" }, "agent", "unknown_parameter"],
  ];
  for (const [body, param, code] of badCalls) {
    await expectError(await api.post("/api/v1/inbound-calls", body), 400, { type: "invalid_request_error", code, param });
  }

  expect((await (await api.get("/api/v1/routing-rules")).json()).data).toEqual([agentRule]);
  expect((await (await api.get("/api/v1/calls")).json()).data).toEqual([]);
});

test("another account's key gets 404 for my rule, changes nothing and is not routed by it", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Owner } = await accountWithKeys(browser, { Owner: {} });
  const { Intruder } = await accountWithKeys(browser, { Intruder: {} });
  const owner = client(request, Owner);
  const intruder = client(request, Intruder);
  const rule = await created(await owner.post("/api/v1/routing-rules", { action: "forward", target: "+442079460000" }));

  await expectError(await intruder.get(`/api/v1/routing-rules/${rule.id}`), 404, { type: "not_found_error", code: "resource_missing", param: "id" });
  await expectError(await intruder.patch(`/api/v1/routing-rules/${rule.id}`, { target: "+33123456789" }), 404, { type: "not_found_error" });
  await expectError(await intruder.delete(`/api/v1/routing-rules/${rule.id}`), 404, { type: "not_found_error" });
  expect((await (await intruder.get("/api/v1/routing-rules")).json()).data).toEqual([]);

  const theirCall = await created(await intruder.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }));
  expect(theirCall.routing).toEqual(FALLBACK);
  await expectError(await owner.get(`/api/v1/calls/${theirCall.id}`), 404, { type: "not_found_error" });

  expect(await (await owner.get(`/api/v1/routing-rules/${rule.id}`)).json()).toEqual(rule);
});

test("routing routes need an API key", { tag: ["@api", "@routing"] }, async ({ request }) => {
  for (const response of [
    await request.get("/api/v1/routing-rules"),
    await request.post("/api/v1/routing-rules", { data: { action: "agent", target: "Reception" } }),
    await request.get(`/api/v1/routing-rules/${MISSING_ID}`),
    await request.patch(`/api/v1/routing-rules/${MISSING_ID}`, { data: {} }),
    await request.delete(`/api/v1/routing-rules/${MISSING_ID}`),
    await request.post("/api/v1/inbound-calls", { data: { from: US_CALLER, to: YOUR_NUMBER } }),
  ]) {
    await expectError(response, 401, { type: "authentication_error", code: "missing_api_key" });
  }
});

test.describe("permissions", { tag: ["@api", "@routing"] }, () => {
  const refused = { type: "permission_error", code: "missing_permission" };

  test("a Read only key reads rules but cannot write them or record calls", async ({ browser, request }) => {
    const { Full, Reader } = await accountWithKeys(browser, { Full: {}, Reader: { access: "Read only" } });
    const rule = await created(await client(request, Full).post("/api/v1/routing-rules", { action: "agent", target: "Reception" }));
    const reader = client(request, Reader);

    expect((await reader.get("/api/v1/routing-rules")).status()).toBe(200);
    expect((await reader.get(`/api/v1/routing-rules/${rule.id}`)).status()).toBe(200);
    await expectError(await reader.post("/api/v1/routing-rules", { action: "agent", target: "Other" }), 403, refused);
    await expectError(await reader.patch(`/api/v1/routing-rules/${rule.id}`, { priority: 1 }), 403, refused);
    await expectError(await reader.delete(`/api/v1/routing-rules/${rule.id}`), 403, refused);
    await expectError(await reader.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }), 403, refused);
    expect((await (await reader.get("/api/v1/routing-rules")).json()).data).toEqual([rule]);
    expect((await (await reader.get("/api/v1/calls")).json()).data).toEqual([]);
  });

  test("a Restricted key gets exactly its Routing and Calls levels", async ({ browser, request }) => {
    const keys = await accountWithKeys(browser, {
      Full: {},
      "Routing read": { access: "Restricted", scopes: { Routing: "Read" } },
      "Calls only": { access: "Restricted", scopes: { Calls: "Write", Routing: "None" } },
      "Routing write": { access: "Restricted", scopes: { Routing: "Write" } },
    });
    const rule = await created(await client(request, keys.Full).post("/api/v1/routing-rules", { action: "agent", target: "Reception" }));

    const reader = client(request, keys["Routing read"]);
    expect((await reader.get(`/api/v1/routing-rules/${rule.id}`)).status()).toBe(200);
    await expectError(await reader.patch(`/api/v1/routing-rules/${rule.id}`, { priority: 1 }), 403, refused);
    await expectError(await reader.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }), 403, refused);

    // Recording a call needs Calls: Write; the account's rules still route it, but only a key
    // that may read routing sees where to.
    const callsOnly = client(request, keys["Calls only"]);
    await expectError(await callsOnly.get("/api/v1/routing-rules"), 403, refused);
    await expectError(await callsOnly.get(`/api/v1/routing-rules/${rule.id}`), 403, refused);
    const call = await created(await callsOnly.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }));
    expect(call).toMatchObject({ routing: null, agent: null });
    const seen = await (await client(request, keys.Full).get(`/api/v1/calls/${call.id}`)).json();
    expect(seen.routing).toEqual({ rule_id: rule.id, action: "agent", target: "Reception" });

    const writer = client(request, keys["Routing write"]);
    expect((await writer.patch(`/api/v1/routing-rules/${rule.id}`, { priority: 1 })).status()).toBe(200);
    expect((await writer.delete(`/api/v1/routing-rules/${rule.id}`)).status()).toBe(200);
    await expectError(await writer.post("/api/v1/inbound-calls", { from: US_CALLER, to: YOUR_NUMBER }), 403, refused);
  });
});
