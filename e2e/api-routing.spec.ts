import type { Schemas } from "@switchboard/sdk";
import { expect, test } from "./support/test";
import { accountWithKeys, client, expectError } from "./support/api-client";
import { expectData, expectFailure, pagesOf, sdk } from "./support/sdk";

const YOUR_NUMBER = "+14155550100";
const UK_CALLER = "+442079460123";
const US_CALLER = "+12125550123";
const FALLBACK: Schemas["Call"]["routing"] = { rule_id: null, action: "agent", target: "default" };
const MISSING_ID = "rule_000000000aaaaaaaaaaaaaaaa";

// "HH:MM" on the wall clock of `timeZone`, `offsetMinutes` from now.
function wallClock(timeZone: string, offsetMinutes: number) {
  const instant = new Date(Date.now() + offsetMinutes * 60_000);
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

test("routing rules: create, read, list, update and delete", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Routing } = await accountWithKeys(browser, { Routing: {} });
  const api = sdk(request, Routing);

  const schedule: Schemas["RoutingSchedule"] = { time_zone: "Europe/London", days: ["mon", "tue", "wed", "thu", "fri"], start: "18:00", end: "09:00" };
  const rule = await expectData(
    api.POST("/api/v1/routing-rules", { body: { name: "UK after hours", priority: 10, caller_prefix: "+44", schedule, action: "forward", target: "+442079460000" } }),
    201,
  );
  const byId = { params: { path: { id: rule.id } } };
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

  expect(await expectData(api.GET("/api/v1/routing-rules/{id}", byId))).toEqual(rule);
  expect(await expectData(api.GET("/api/v1/routing-rules"))).toEqual({ object: "list", data: [rule], has_more: false });

  const patched = await expectData(api.PATCH("/api/v1/routing-rules/{id}", { ...byId, body: { schedule: null, called_number: YOUR_NUMBER, action: "agent", target: "Front desk" } }));
  expect(patched).toMatchObject({ id: rule.id, caller_prefix: "+44", schedule: null, called_number: YOUR_NUMBER, action: "agent", target: "Front desk" });

  expect(await expectData(api.DELETE("/api/v1/routing-rules/{id}", byId))).toEqual({ id: rule.id, object: "routing_rule", deleted: true });
  await expectFailure(api.GET("/api/v1/routing-rules/{id}", byId), 404, { type: "not_found_error", param: "id" });
  await expectFailure(api.DELETE("/api/v1/routing-rules/{id}", byId), 404, { type: "not_found_error" });
});

test("inbound calls are routed by the first matching rule, recorded and then completed", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Switchboard } = await accountWithKeys(browser, { Switchboard: {} });
  const api = sdk(request, Switchboard);
  const apiKeyId = (await expectData(api.GET("/api/v1/me"))).api_key.id;

  const catchAll = await expectData(api.POST("/api/v1/routing-rules", { body: { priority: 100, action: "agent", target: "Night desk" } }), 201);
  const sales = await expectData(api.POST("/api/v1/routing-rules", { body: { priority: 20, called_number: YOUR_NUMBER, action: "agent", target: "Sales line" } }), 201);
  const uk = await expectData(api.POST("/api/v1/routing-rules", { body: { priority: 10, caller_prefix: "+44", action: "forward", target: "+442079460000" } }), 201);
  // Same priority as the UK rule but newer: the older one wins the tie.
  await expectData(api.POST("/api/v1/routing-rules", { body: { priority: 10, caller_prefix: "+4420", action: "agent", target: "London office" } }), 201);

  const forwarded = await expectData(api.POST("/api/v1/inbound-calls", { body: { from: UK_CALLER, to: YOUR_NUMBER } }), 201);
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

  const toSales = await expectData(api.POST("/api/v1/inbound-calls", { body: { from: US_CALLER, to: YOUR_NUMBER } }), 201);
  expect(toSales.routing).toEqual({ rule_id: sales.id, action: "agent", target: "Sales line" });
  expect(toSales.agent).toBe("Sales line");

  const otherLine = await expectData(api.POST("/api/v1/inbound-calls", { body: { from: US_CALLER, to: "+14155550111" } }), 201);
  expect(otherLine.routing).toEqual({ rule_id: catchAll.id, action: "agent", target: "Night desk" });

  // The recorded calls are ordinary calls: listed, retrievable and answered by the simulator.
  const inbound = await expectData(api.GET("/api/v1/calls", { params: { query: { direction: "inbound" } } }));
  expect(inbound.data.map((call) => call.id).sort()).toEqual([forwarded.id, toSales.id, otherLine.id].sort());

  await expect
    .poll(async () => (await expectData(api.GET("/api/v1/calls/{id}", { params: { path: { id: forwarded.id } } }))).status, { timeout: 20_000 })
    .toBe("completed");
  const done = await expectData(api.GET("/api/v1/calls/{id}", { params: { path: { id: forwarded.id } } }));
  expect(done).toMatchObject({
    status: "completed",
    routing: { rule_id: uk.id, action: "forward", target: "+442079460000" },
    summary: `Inbound call from ${UK_CALLER} forwarded to +442079460000.`,
    answered_at: expect.any(String),
    ended_at: expect.any(String),
  });
  await expect
    .poll(async () => (await expectData(api.GET("/api/v1/calls/{id}", { params: { path: { id: toSales.id } } }))).status, { timeout: 20_000 })
    .toBe("completed");
});

test("with no matching rule a call goes to the default agent", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Switchboard } = await accountWithKeys(browser, { Switchboard: {} });
  const api = sdk(request, Switchboard);

  const noRules = await expectData(api.POST("/api/v1/inbound-calls", { body: { from: US_CALLER, to: YOUR_NUMBER } }), 201);
  expect(noRules.routing).toEqual(FALLBACK);

  await expectData(api.POST("/api/v1/routing-rules", { body: { called_number: "+14155550199", action: "agent", target: "Other line" } }), 201);
  await expectData(api.POST("/api/v1/routing-rules", { body: { caller_prefix: "+33", action: "forward", target: "+33123456789" } }), 201);
  const noMatch = await expectData(api.POST("/api/v1/inbound-calls", { body: { from: US_CALLER, to: YOUR_NUMBER } }), 201);
  expect(noMatch.routing).toEqual(FALLBACK);

  await expect
    .poll(async () => (await expectData(api.GET("/api/v1/calls/{id}", { params: { path: { id: noMatch.id } } }))).status, { timeout: 20_000 })
    .toBe("completed");
  expect((await expectData(api.GET("/api/v1/calls/{id}", { params: { path: { id: noMatch.id } } }))).routing).toEqual(FALLBACK);
});

test("a schedule is read in the rule's time zone", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Switchboard } = await accountWithKeys(browser, { Switchboard: {} });
  const api = sdk(request, Switchboard);
  const everyDay: Schemas["RoutingSchedule"]["days"] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  // Windows around the current time in Kolkata (UTC+5:30): one open now, one that opens later.
  const zone = "Asia/Kolkata";

  await expectData(
    api.POST("/api/v1/routing-rules", {
      body: { priority: 1, schedule: { time_zone: zone, days: everyDay, start: wallClock(zone, 120), end: wallClock(zone, 180) }, action: "agent", target: "Later" },
    }),
    201,
  );
  const openNow = await expectData(
    api.POST("/api/v1/routing-rules", {
      body: { priority: 2, schedule: { time_zone: zone, days: everyDay, start: wallClock(zone, -60), end: wallClock(zone, 60) }, action: "agent", target: "Open now" },
    }),
    201,
  );
  await expectData(api.POST("/api/v1/routing-rules", { body: { priority: 3, action: "agent", target: "Catch-all" } }), 201);

  const call = await expectData(api.POST("/api/v1/inbound-calls", { body: { from: US_CALLER, to: YOUR_NUMBER } }), 201);
  expect(call.routing).toEqual({ rule_id: openNow.id, action: "agent", target: "Open now" });
});

test("lists page with limit and starting_after, newest first, without repeats", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Routing } = await accountWithKeys(browser, { Routing: {} });
  const api = sdk(request, Routing);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await expectData(api.POST("/api/v1/routing-rules", { body: { priority: i, action: "agent", target: `Agent ${i}` } }), 201)).id);

  const pages = await pagesOf((startingAfter) => expectData(api.GET("/api/v1/routing-rules", { params: { query: { limit: 2, starting_after: startingAfter } } })));

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
  // Raw requests: the SDK's types would not let these bodies and queries be sent.
  const api = client(request, Routing);
  const agentRule = await expectData(sdk(request, Routing).POST("/api/v1/routing-rules", { body: { action: "agent", target: "Reception" } }), 201);
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

  const typed = sdk(request, Routing);
  expect((await expectData(typed.GET("/api/v1/routing-rules"))).data).toEqual([agentRule]);
  expect((await expectData(typed.GET("/api/v1/calls"))).data).toEqual([]);
});

test("another account's key gets 404 for my rule, changes nothing and is not routed by it", { tag: ["@api", "@routing"] }, async ({ browser, request }) => {
  const { Owner } = await accountWithKeys(browser, { Owner: {} });
  const { Intruder } = await accountWithKeys(browser, { Intruder: {} });
  const owner = sdk(request, Owner);
  const intruder = sdk(request, Intruder);
  const rule = await expectData(owner.POST("/api/v1/routing-rules", { body: { action: "forward", target: "+442079460000" } }), 201);
  const byId = { params: { path: { id: rule.id } } };

  await expectFailure(intruder.GET("/api/v1/routing-rules/{id}", byId), 404, { type: "not_found_error", code: "resource_missing", param: "id" });
  await expectFailure(intruder.PATCH("/api/v1/routing-rules/{id}", { ...byId, body: { target: "+33123456789" } }), 404, { type: "not_found_error" });
  await expectFailure(intruder.DELETE("/api/v1/routing-rules/{id}", byId), 404, { type: "not_found_error" });
  expect((await expectData(intruder.GET("/api/v1/routing-rules"))).data).toEqual([]);

  const theirCall = await expectData(intruder.POST("/api/v1/inbound-calls", { body: { from: US_CALLER, to: YOUR_NUMBER } }), 201);
  expect(theirCall.routing).toEqual(FALLBACK);
  await expectFailure(owner.GET("/api/v1/calls/{id}", { params: { path: { id: theirCall.id } } }), 404, { type: "not_found_error" });

  expect(await expectData(owner.GET("/api/v1/routing-rules/{id}", byId))).toEqual(rule);
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
  const refused = { type: "permission_error", code: "missing_permission" } as const;
  const inboundCall = { body: { from: US_CALLER, to: YOUR_NUMBER } };

  test("a Read only key reads rules but cannot write them or record calls", async ({ browser, request }) => {
    const { Full, Reader } = await accountWithKeys(browser, { Full: {}, Reader: { access: "Read only" } });
    const rule = await expectData(sdk(request, Full).POST("/api/v1/routing-rules", { body: { action: "agent", target: "Reception" } }), 201);
    const byId = { params: { path: { id: rule.id } } };
    const reader = sdk(request, Reader);

    await expectData(reader.GET("/api/v1/routing-rules"));
    await expectData(reader.GET("/api/v1/routing-rules/{id}", byId));
    await expectFailure(reader.POST("/api/v1/routing-rules", { body: { action: "agent", target: "Other" } }), 403, refused);
    await expectFailure(reader.PATCH("/api/v1/routing-rules/{id}", { ...byId, body: { priority: 1 } }), 403, refused);
    await expectFailure(reader.DELETE("/api/v1/routing-rules/{id}", byId), 403, refused);
    await expectFailure(reader.POST("/api/v1/inbound-calls", inboundCall), 403, refused);
    expect((await expectData(reader.GET("/api/v1/routing-rules"))).data).toEqual([rule]);
    expect((await expectData(reader.GET("/api/v1/calls"))).data).toEqual([]);
  });

  test("a Restricted key gets exactly its Routing and Calls levels", async ({ browser, request }) => {
    const keys = await accountWithKeys(browser, {
      Full: {},
      "Routing read": { access: "Restricted", scopes: { Routing: "Read" } },
      "Calls only": { access: "Restricted", scopes: { Calls: "Write", Routing: "None" } },
      "Routing write": { access: "Restricted", scopes: { Routing: "Write" } },
    });
    const full = sdk(request, keys.Full);
    const rule = await expectData(full.POST("/api/v1/routing-rules", { body: { action: "agent", target: "Reception" } }), 201);
    const byId = { params: { path: { id: rule.id } } };

    const reader = sdk(request, keys["Routing read"]);
    await expectData(reader.GET("/api/v1/routing-rules/{id}", byId));
    await expectFailure(reader.PATCH("/api/v1/routing-rules/{id}", { ...byId, body: { priority: 1 } }), 403, refused);
    await expectFailure(reader.POST("/api/v1/inbound-calls", inboundCall), 403, refused);

    // Recording a call needs Calls: Write; the account's rules still route it, but only a key
    // that may read routing sees where to.
    const callsOnly = sdk(request, keys["Calls only"]);
    await expectFailure(callsOnly.GET("/api/v1/routing-rules"), 403, refused);
    await expectFailure(callsOnly.GET("/api/v1/routing-rules/{id}", byId), 403, refused);
    const call = await expectData(callsOnly.POST("/api/v1/inbound-calls", inboundCall), 201);
    expect(call).toMatchObject({ routing: null, agent: null });
    const seen = await expectData(full.GET("/api/v1/calls/{id}", { params: { path: { id: call.id } } }));
    expect(seen.routing).toEqual({ rule_id: rule.id, action: "agent", target: "Reception" });

    const writer = sdk(request, keys["Routing write"]);
    await expectData(writer.PATCH("/api/v1/routing-rules/{id}", { ...byId, body: { priority: 1 } }));
    await expectData(writer.DELETE("/api/v1/routing-rules/{id}", byId));
    await expectFailure(writer.POST("/api/v1/inbound-calls", inboundCall), 403, refused);
  });
});
