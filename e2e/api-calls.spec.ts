import type { APIRequestContext } from "@playwright/test";
import type { operations, Schemas } from "@switchboard/sdk";
import { signUp } from "./support/accounts";
import { allCalls, callStatus, expect, expectApiError, launchCall, test, type ApiKey } from "./support/api-account";
import { generateKey, openIntegrationSettings } from "./support/api-keys";
import { expectData, expectFailure, pagesOf, sdk } from "./support/sdk";

const TO = "+14155550123";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// The simulator ends a call within about 6 s; give it room on a busy machine.
const UNTIL_ENDED = { timeout: 20_000, intervals: [250, 500, 1000] };

test.describe("POST /api/v1/calls", { tag: ["@api", "@calls"] }, () => {
  test("queues an outbound call launched with the key", async ({ request, apiKey }) => {
    const { data: call, response } = await sdk(request, apiKey.secret).POST("/api/v1/calls", {
      body: { to: TO, agent: "Booking assistant", variables: { first_name: "Ada" }, metadata: { order: "42" } },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(call).toEqual({
      id: expect.stringMatching(/^call_[0-9a-z]{25}$/),
      object: "call",
      direction: "outbound",
      status: "queued",
      to: TO,
      from: expect.stringMatching(/^\+[1-9]\d{6,14}$/),
      agent: "Booking assistant",
      contact_id: null,
      variables: { first_name: "Ada" },
      metadata: { order: "42" },
      api_key_id: apiKey.id,
      provider: "simulator",
      routing: null,
      duration_seconds: null,
      transcript: null,
      summary: null,
      created_at: expect.stringMatching(ISO),
      ringing_at: null,
      answered_at: null,
      ended_at: null,
    });
    expect(Math.abs(Date.parse(call!.created_at) - Date.now())).toBeLessThan(60_000);
  });

  test("refuses bad requests, naming the field, and launches nothing", async ({ request, apiKey }) => {
    // A string goes out byte for byte (Playwright would re-encode one it cannot parse as JSON).
    // Raw requests: the SDK's types would not let these bodies be sent.
    const post = (data: Record<string, unknown> | string, headers: Record<string, string> = {}) =>
      request.post("/api/v1/calls", { headers: { ...apiKey.headers, ...headers }, data: typeof data === "string" ? Buffer.from(data) : data });

    const missing = await expectApiError(await post({ agent: "Booking assistant" }), 400, { code: "invalid_parameter", param: "to" });
    expect(missing.message).toBe("to: is required.");

    const notPhone = await expectApiError(await post({ to: "415-555-01" }), 400, { code: "invalid_parameter", param: "to" });
    expect(notPhone.message).toBe("to: must be a phone number, like +14155550123 or (415) 555-0123.");
    await expectApiError(await post({ to: "+0123456789" }), 400, { param: "to" });

    const unknown = await expectApiError(await post({ to: TO, callback_url: "https://example.com" }), 400, {
      code: "unknown_parameter",
      param: "callback_url",
    });
    expect(unknown.message).toContain('"callback_url"');

    const variable = await expectApiError(await post({ to: TO, variables: { first_name: "Ada", x: [1] } }), 400, {
      code: "invalid_parameter",
      param: "variables.x",
    });
    expect(variable.message).toBe("variables.x: values must be strings, numbers or true/false.");

    await expectApiError(await post({ to: TO, agent: "a".repeat(70 * 1024) }), 400, { code: "body_too_large", param: undefined });
    await expectApiError(await post('{"to": "+14155550123",', { "Content-Type": "application/json" }), 400, { code: "invalid_json" });
    await expectApiError(await post(`to=${encodeURIComponent(TO)}`, { "Content-Type": "text/plain" }), 400, {
      code: "unsupported_content_type",
    });
    await expectApiError(await post("[]", { "Content-Type": "application/json" }), 400, { code: "invalid_request", param: undefined });

    expect(await allCalls(request, apiKey)).not.toContainEqual(expect.objectContaining({ api_key_id: apiKey.id }));
  });

  // Another account's contact gets the same answer (see lib/calls/calls.test.ts).
  test("refuses a contact_id that is not in the account", async ({ request, apiKey }) => {
    const error = await expectFailure(sdk(request, apiKey.secret).POST("/api/v1/calls", { body: { to: TO, contact_id: "contact_0mwyl10ieakqbehuq3v7v9513" } }), 400, {
      code: "resource_missing",
      param: "contact_id",
    });
    expect(error.message).toContain("contact_0mwyl10ieakqbehuq3v7v9513");
  });
});

test.describe("GET /api/v1/calls", { tag: ["@api", "@calls"] }, () => {
  test("pages through the account's calls newest first and filters them", async ({ page, request }) => {
    // A fresh account, so the list holds exactly the calls this test launches.
    await signUp(page);
    await openIntegrationSettings(page);
    const api = sdk(request, await generateKey(page, "Lister"));

    const launched: Schemas["Call"][] = [];
    for (const to of [TO, "+14155550001", TO, "+14155550001", TO]) launched.push(await expectData(api.POST("/api/v1/calls", { body: { to } }), 201));
    const newestFirst = launched.map((call) => call.id).sort().reverse();
    expect(new Set(newestFirst).size).toBe(5);

    const pages = await pagesOf((startingAfter) => expectData(api.GET("/api/v1/calls", { params: { query: { limit: 2, starting_after: startingAfter } } })));
    for (const { object } of pages) expect(object).toBe("list");
    expect(pages.map((list) => ({ ids: list.data.map((call) => call.id), hasMore: list.has_more }))).toEqual([
      { ids: newestFirst.slice(0, 2), hasMore: true },
      { ids: newestFirst.slice(2, 4), hasMore: true },
      { ids: newestFirst.slice(4), hasMore: false },
    ]);

    const list = async (query: NonNullable<operations["listCalls"]["parameters"]["query"]>) =>
      (await expectData(api.GET("/api/v1/calls", { params: { query } }))).data.map((call) => call.id).sort();
    const failing = launched.filter((call) => call.to === "+14155550001").map((call) => call.id).sort();
    const answered = launched.filter((call) => call.to === TO).map((call) => call.id).sort();
    await expect.poll(() => list({ status: "failed" }), UNTIL_ENDED).toEqual(failing);
    await expect.poll(() => list({ status: "completed" }), UNTIL_ENDED).toEqual(answered);
    expect(await list({ direction: "outbound" })).toEqual([...newestFirst].sort());
    expect(await list({ direction: "inbound" })).toEqual([]);
    expect(await list({ direction: "outbound", status: "failed" })).toEqual(failing);
    expect(await list({ status: "queued" })).toEqual([]);
  });

  test("refuses bad list parameters by name", async ({ request, apiKey }) => {
    // Raw requests: the SDK's types would not let these queries be sent.
    const get = (query: string) => request.get(`/api/v1/calls?${query}`, { headers: apiKey.headers });
    await expectApiError(await get("limit=0"), 400, { code: "invalid_parameter", param: "limit" });
    const tooMany = await expectApiError(await get("limit=101"), 400, { param: "limit" });
    expect(tooMany.message).toBe("limit: must be a whole number from 1 to 100.");
    await expectApiError(await get("limit=ten"), 400, { param: "limit" });
    await expectApiError(await get("status=busy"), 400, { code: "invalid_parameter", param: "status" });
    await expectApiError(await get("direction=sideways"), 400, { param: "direction" });
    await expectApiError(await get("starting_after=contact_0mwyl10ieakqbehuq3v7v9513"), 400, { param: "starting_after" });
    await expectApiError(await get("status=queued&status=failed"), 400, { code: "duplicate_parameter", param: "status" });
    await expectApiError(await get("offset=5"), 400, { code: "unknown_parameter", param: "offset" });
  });
});

test.describe("GET /api/v1/calls/{id}", { tag: ["@api", "@calls"] }, () => {
  test("returns the call; a malformed id is a 400, a missing or foreign one a 404", async ({ request, apiKey, otherApiKey }) => {
    const api = sdk(request, apiKey.secret);
    const byId = (id: string) => ({ params: { path: { id } } });
    const call = await launchCall(request, apiKey, { to: TO });
    expect(await expectData(api.GET("/api/v1/calls/{id}", byId(call.id)))).toMatchObject({
      id: call.id,
      object: "call",
      to: TO,
      api_key_id: apiKey.id,
      created_at: call.created_at,
    });

    for (const id of ["call_123", "contact_0mwyl10ieakqbehuq3v7v9513", call.id.toUpperCase()]) {
      await expectFailure(api.GET("/api/v1/calls/{id}", byId(id)), 400, { code: "invalid_id", param: "id" });
    }

    const missingId = `call_${"0".repeat(25)}`;
    const missing = await expectFailure(api.GET("/api/v1/calls/{id}", byId(missingId)), 404, { code: "resource_missing" });
    const foreign = await expectFailure(sdk(request, otherApiKey.secret).GET("/api/v1/calls/{id}", byId(call.id)), 404, { code: "resource_missing" });
    // Nothing tells a foreign call from a missing one but the id itself.
    expect(foreign.message.replace(call.id, "ID")).toBe(missing.message.replace(missingId, "ID"));
  });
});

test.describe("POST /api/v1/calls/{id}/cancel", { tag: ["@api", "@calls"] }, () => {
  test("cancels a queued call once; a canceled or completed call is a 409", async ({ request, apiKey, otherApiKey }) => {
    const queued = await launchCall(request, apiKey, { to: TO });
    const cancel = (id: string, key = apiKey) => sdk(request, key.secret).POST("/api/v1/calls/{id}/cancel", { params: { path: { id } } });

    await expectFailure(cancel(queued.id, otherApiKey), 404, { code: "resource_missing" });

    const canceled = await expectData(cancel(queued.id));
    expect(canceled).toMatchObject({ id: queued.id, object: "call", status: "canceled", duration_seconds: 0, answered_at: null });
    expect(canceled.ended_at).toMatch(ISO);

    const again = await expectFailure(cancel(queued.id), 409, { code: "call_not_cancelable" });
    expect(again.message).toBe("The call is canceled; only queued or ringing calls can be canceled.");
    // The simulator leaves a canceled call alone.
    expect(await callStatus(request, apiKey, queued.id)).toBe("canceled");

    const answered = await launchCall(request, apiKey, { to: TO });
    await expect.poll(() => callStatus(request, apiKey, answered.id), UNTIL_ENDED).toBe("completed");
    const late = await expectFailure(cancel(answered.id), 409, { code: "call_not_cancelable" });
    expect(late.message).toContain("completed");
    await expectFailure(cancel("call_123"), 400, { code: "invalid_id", param: "id" });
  });
});

test.describe("the call simulator", { tag: ["@api", "@calls"] }, () => {
  const getCall = (request: APIRequestContext, apiKey: ApiKey, id: string) =>
    expectData(sdk(request, apiKey.secret).GET("/api/v1/calls/{id}", { params: { path: { id } } }));

  test("an answered call completes with a transcript, summary and duration", async ({ request, apiKey }) => {
    const { id } = await launchCall(request, apiKey, { to: TO, agent: "Booking assistant", variables: { first_name: "Ada", reason: "your order" } });
    const seen = new Set<string>();
    await expect
      .poll(async () => {
        const status = await callStatus(request, apiKey, id);
        seen.add(status);
        return status;
      }, UNTIL_ENDED)
      .toBe("completed");
    expect([...seen].every((status) => ["queued", "ringing", "in_progress", "completed"].includes(status))).toBe(true);

    const call = await getCall(request, apiKey, id);
    expect(call.duration_seconds).toBeGreaterThanOrEqual(1);
    expect(call.summary).toBe("Booking assistant completed the outbound call to +14155550123; the caller agreed and was sent a confirmation.");
    expect(call.transcript!.length).toBeGreaterThan(1);
    for (const turn of call.transcript!) expect(turn).toEqual({ speaker: expect.stringMatching(/^(agent|caller)$/), text: expect.any(String) });
    expect(call.transcript![0]).toEqual({ speaker: "agent", text: "Hi Ada, this is Booking assistant calling about your order." });
    const times = [call.created_at, call.ringing_at, call.answered_at, call.ended_at];
    for (const time of times) expect(time).toMatch(ISO);
    expect([...times].sort()).toEqual(times);
  });

  for (const [to, outcome] of [
    ["+14155550000", "no_answer"],
    ["+14155550001", "failed"],
  ] as const) {
    test(`a call to a number ending ${to.slice(-4)} ends ${outcome}`, async ({ request, apiKey }) => {
      const { id } = await launchCall(request, apiKey, { to });
      await expect.poll(() => callStatus(request, apiKey, id), UNTIL_ENDED).toBe(outcome);
      const call = await getCall(request, apiKey, id);
      expect(call).toMatchObject({ duration_seconds: 0, transcript: null, summary: null, answered_at: null });
      expect(call.ended_at).toMatch(ISO);
    });
  }
});
