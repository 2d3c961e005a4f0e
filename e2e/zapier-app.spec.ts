import { randomInt, randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { expect, test, type ApiKey } from "./support/api-account";
import { displayOf, keyRow } from "./support/api-keys";
import { signUpWithKeys } from "./support/keyed-account";
import { openWebhookInbox, requireWebhookReceiver } from "./support/webhook-inbox";
import { App, connectionTo, REQUEST_ID, run, zapierError, type ZapierItem } from "./support/zapier-app";

// The Zapier app (integrations/zapier) as Zapier runs it: every trigger, action and search goes
// through zapier-platform-core's app tester to the server these flows run against. Nothing is
// mocked; what the app did is read back through the API.

const UNTIL_ENDED = { timeout: 20_000 };
const MISSING_CALL = "call_000000000aaaaaaaaaaaaaaaa";

// A number of its own per test (the account is shared by the tests of a worker); its last four
// digits pick the simulator's outcome: 0000 no answer, 0001 failed, anything else completed.
const phone = (lastFour = String(randomInt(2, 10_000)).padStart(4, "0")) => `+1415${String(randomInt(0, 1000)).padStart(3, "0")}${lastFour}`;

async function apiGet(request: APIRequestContext, key: ApiKey, path: string) {
  const response = await request.get(path, { headers: key.headers });
  return { status: response.status(), body: await response.json() };
}

test.describe("Zapier app", { tag: ["@zapier", "@api"] }, () => {
  test("connects with an API key: /me is the connection test and names the connection", async ({ baseURL, apiKey }, testInfo) => {
    const authData = connectionTo(baseURL!, apiKey.secret);
    const account = await run<ZapierItem & { email: string }>(App.authentication.test, { authData });
    expect(account).toMatchObject({ object: "account", email: expect.stringMatching(/@example\.com$/), api_key: { id: apiKey.id, name: `Test ${testInfo.testId}` } });

    const label = await run<string>(App.authentication.connectionLabel, { authData, inputData: account });
    expect(label).toBe(`${account.email} (Test ${testInfo.testId})`);

    // A Server URL typed with a trailing slash reaches the same server.
    expect(await run(App.authentication.test, { authData: connectionTo(`${baseURL}/`, apiKey.secret) })).toMatchObject({ api_key: { id: apiKey.id } });

    // A mistyped key: the connect screen shows Switchboard's reason and the Request-Id.
    const mistyped = `${apiKey.secret.slice(0, -1)}${apiKey.secret.endsWith("x") ? "y" : "x"}`;
    const refused = await zapierError(run(App.authentication.test, { authData: connectionTo(baseURL!, mistyped) }));
    expect(refused).toMatchObject({ name: "AppError", code: "malformed_api_key", status: 401 });
    expect(refused.message).toMatch(REQUEST_ID);

    // A Server URL that is no http(s) address fails before any request.
    const badServer = await zapierError(run(App.authentication.test, { authData: connectionTo("ftp://switchboard.example", apiKey.secret) }));
    expect(badServer).toMatchObject({ code: "invalid_base_url", status: 400 });
  });

  test("Create or Update Contact and Find Contact sync a CRM contact", { tag: ["@contacts"] }, async ({ baseURL, apiKey, request }) => {
    const authData = connectionTo(baseURL!, apiKey.secret);
    const externalId = `zap-${randomUUID()}`;
    const number = phone();

    // Fields left empty in the Zap arrive as "": they are not sent, so nothing is set or cleared.
    const created = await run(App.creates.create_or_update_contact.operation.perform, {
      authData,
      inputData: { external_id: externalId, phone: number, first_name: "Ada", last_name: "", email: "", metadata: { plan: "gold", seats: 3 } },
    });
    expect(created).toMatchObject({ object: "contact", external_id: externalId, phone: number, first_name: "Ada", last_name: null, email: null, metadata: { plan: "gold", seats: "3" } });
    expect((await apiGet(request, apiKey, `/api/v1/contacts/${created.id}`)).body).toEqual(created);

    // The same External ID again updates that contact; fields left empty keep their values.
    const updated = await run(App.creates.create_or_update_contact.operation.perform, {
      authData,
      inputData: { external_id: externalId, last_name: "Lovelace", first_name: "" },
    });
    expect(updated).toMatchObject({ id: created.id, first_name: "Ada", last_name: "Lovelace", phone: number });

    const findContact = (inputData: Record<string, string>) => run<ZapierItem[]>(App.searches.find_contact.operation.perform, { authData, inputData });
    expect(await findContact({ external_id: externalId })).toEqual([{ ...updated }]);
    expect((await findContact({ phone: number })).map((contact) => contact.id)).toEqual([created.id]);
    expect(await findContact({ external_id: externalId, phone: number })).toHaveLength(1);
    expect(await findContact({ external_id: `zap-${randomUUID()}` })).toEqual([]);
    expect(await zapierError(findContact({ external_id: "", phone: "" }))).toMatchObject({ code: "missing_search_field", status: 400 });

    // A value Switchboard cannot read: its 400 names the field, with the Request-Id.
    const invalid = await zapierError(
      run(App.creates.create_or_update_contact.operation.perform, { authData, inputData: { external_id: externalId, phone: "not a phone number" } }),
    );
    expect(invalid).toMatchObject({ name: "AppError", code: expect.stringMatching(/^invalid_/), status: 400 });
    expect(invalid.message).toContain("field: phone");
    expect(invalid.message).toMatch(REQUEST_ID);
  });

  test("Launch Call, Find Call, Cancel Call and the New Call polling trigger", { tag: ["@calls"] }, async ({ baseURL, apiKey, request }) => {
    // Waits for a call to end.
    test.slow();
    const authData = connectionTo(baseURL!, apiKey.secret);
    const contact = await run(App.creates.create_or_update_contact.operation.perform, { authData, inputData: { external_id: `zap-${randomUUID()}`, phone: phone() } });

    const to = phone();
    const launched = await run(App.creates.launch_call.operation.perform, {
      authData,
      inputData: { to, from: "", agent: "Booking assistant", contact_id: contact.id, variables: { first_name: "Ada" }, metadata: { deal_id: "4711" } },
    });
    expect(launched).toMatchObject({
      id: expect.stringMatching(/^call_/),
      object: "call",
      direction: "outbound",
      status: "queued",
      to,
      agent: "Booking assistant",
      contact_id: contact.id,
      variables: { first_name: "Ada" },
      metadata: { deal_id: "4711" },
      api_key_id: apiKey.id,
    });

    const findCall = (callId: string) => run<ZapierItem[]>(App.searches.find_call.operation.perform, { authData, inputData: { call_id: callId } });
    await expect.poll(async () => (await findCall(launched.id))[0]?.status, UNTIL_ENDED).toBe("completed");
    const [found] = await findCall(launched.id);
    expect(found).toEqual((await apiGet(request, apiKey, `/api/v1/calls/${launched.id}`)).body);
    expect(found).toMatchObject({ duration_seconds: expect.any(Number), summary: expect.any(String) });
    expect(await findCall(MISSING_CALL)).toEqual([]);
    expect(await zapierError(findCall("not-a-call"))).toMatchObject({ code: "invalid_id", status: 400 });

    // Cancel Call: a call still queued or ringing is canceled; a finished one is a 409 with the reason.
    const second = await run(App.creates.launch_call.operation.perform, { authData, inputData: { to: phone() } });
    const canceled = await run(App.creates.cancel_call.operation.perform, { authData, inputData: { call_id: second.id } });
    expect(canceled).toMatchObject({ id: second.id, status: "canceled" });
    expect((await apiGet(request, apiKey, `/api/v1/calls/${second.id}`)).body).toMatchObject({ status: "canceled" });
    const notCancelable = await zapierError(run(App.creates.cancel_call.operation.perform, { authData, inputData: { call_id: launched.id } }));
    expect(notCancelable).toMatchObject({ name: "AppError", code: "call_not_cancelable", status: 409 });
    expect(notCancelable.message).toContain("completed");
    expect(notCancelable.message).toMatch(REQUEST_ID);

    // New Call: newest first, each with its id (Zapier's dedupe key); the direction filter applies.
    const polled = await run<ZapierItem[]>(App.triggers.new_call.operation.perform, { authData, inputData: {} });
    expect(polled.slice(0, 2).map((call) => call.id)).toEqual([second.id, launched.id]);
    expect(polled[1]).toMatchObject({ status: "completed", to });
    const outbound = await run<ZapierItem[]>(App.triggers.new_call.operation.perform, { authData, inputData: { direction: "outbound" } });
    expect(outbound.map((call) => call.id)).toContain(launched.id);
    const inbound = await run<ZapierItem[]>(App.triggers.new_call.operation.perform, { authData, inputData: { direction: "inbound" } });
    expect(inbound.map((call) => call.id)).not.toContain(launched.id);
    expect(inbound.every((call) => call.direction === "inbound")).toBe(true);
  });

  test("Create Routing Rule, with a weekly schedule", { tag: ["@routing"] }, async ({ baseURL, apiKey, request }) => {
    const authData = connectionTo(baseURL!, apiKey.secret);
    const createRule = (inputData: Record<string, unknown>) => run(App.creates.create_routing_rule.operation.perform, { authData, inputData });

    // Zapier hands an integer field over as typed text.
    const rule = await createRule({
      name: `Zapier ${randomUUID()}`,
      priority: "7",
      caller_prefix: "+44",
      called_number: "",
      schedule_time_zone: "Europe/London",
      schedule_days: ["mon", "fri"],
      schedule_start: "18:00",
      schedule_end: "09:00",
      action: "forward",
      target: "+442079460000",
    });
    expect(rule).toMatchObject({
      object: "routing_rule",
      priority: 7,
      caller_prefix: "+44",
      called_number: null,
      schedule: { time_zone: "Europe/London", days: ["mon", "fri"], start: "18:00", end: "09:00" },
      action: "forward",
      target: "+442079460000",
    });
    expect((await apiGet(request, apiKey, `/api/v1/routing-rules/${rule.id}`)).body).toEqual(rule);

    const agentRule = await createRule({ action: "agent", target: "Night desk" });
    expect(agentRule).toMatchObject({ priority: 0, schedule: null, action: "agent", target: "Night desk" });

    // Half a schedule is sent as it is, so Switchboard names the missing part.
    const partial = await zapierError(createRule({ action: "agent", target: "Night desk", schedule_time_zone: "Europe/London" }));
    expect(partial).toMatchObject({ code: "invalid_parameter", status: 400 });
    expect(partial.message).toMatch(/field: schedule\.\w+/);

    // The worker's account is shared with other tests: a rule that matches every call would route theirs.
    for (const { id } of [rule, agentRule]) expect((await request.delete(`/api/v1/routing-rules/${id}`, { headers: apiKey.headers })).status()).toBe(200);
  });

  test("errors: 429 becomes a ThrottledError with Retry-After, a deleted key an expired connection", async ({ browser, baseURL }) => {
    // Signs up, and may wait out a rate-limit window.
    test.slow();
    const owner = await signUpWithKeys(browser, baseURL, "Zapier Errors", [{ name: "Zapier" }]);
    try {
      const [secret] = owner.keys;
      const authData = connectionTo(baseURL!, secret);
      const findCall = () => run<ZapierItem[]>(App.searches.find_call.operation.perform, { authData, inputData: { call_id: MISSING_CALL } });

      // Spend the key's budget for this window (RATE_LIMIT_REQUESTS, 100 per 10 s), then ask
      // through Zapier; a window that turns over in between just means one more round.
      await expect(async () => {
        await Promise.all(Array.from({ length: 100 }, () => fetch(`${baseURL}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } })));
        const throttled = await zapierError(findCall());
        expect(throttled).toMatchObject({ name: "ThrottledError", delay: expect.any(Number) });
        expect(throttled.delay).toBeGreaterThanOrEqual(1);
        expect(throttled.delay).toBeLessThanOrEqual(10);
        expect(throttled.message).toMatch(REQUEST_ID);
      }).toPass({ timeout: 40_000 });

      // The key is deleted in Switchboard: the connection has expired and must be reconnected.
      await expect(async () => expect(await findCall()).toEqual([])).toPass({ timeout: 15_000 });
      const { page } = owner;
      await keyRow(page, displayOf(secret)).getByRole("button", { name: /^Delete/ }).click();
      const confirm = page.getByRole("dialog", { name: 'Delete API key "Zapier"?' });
      await confirm.getByRole("button", { name: "Delete key" }).click();
      await expect(confirm).toBeHidden();
      const expired = await zapierError(findCall());
      expect(expired.name).toBe("ExpiredAuthError");
      expect(expired.message).toMatch(REQUEST_ID);
      const launch = await zapierError(run(App.creates.launch_call.operation.perform, { authData, inputData: { to: phone() } }));
      expect(launch.name).toBe("ExpiredAuthError");
    } finally {
      await owner.close();
    }
  });
});

type Delivery = { body: string; headers: Record<string, unknown>; payload: { id: string; type: string; data: { id: string } } };

// What each REST hook trigger subscribes to, and how the test makes Switchboard send it.
const HOOK_TRIGGERS = [
  {
    key: "call_completed",
    events: ["call.completed"],
    cause: async (authData: object) => [await launchCall(authData, phone("1234"))],
    expected: { object: "call", status: "completed", summary: expect.any(String) },
  },
  {
    key: "call_failed",
    events: ["call.failed"],
    cause: async (authData: object) => [await launchCall(authData, phone("0001"))],
    expected: { object: "call", status: "failed" },
  },
  {
    key: "call_not_answered",
    events: ["call.no_answer"],
    cause: async (authData: object) => [await launchCall(authData, phone("0000"))],
    expected: { object: "call", status: "no_answer" },
  },
  {
    key: "inbound_call_routed",
    events: ["inbound_call.routed"],
    // A rule of its own, on a called number of its own, routes the call (and is deleted after).
    cause: async (authData: object, request: APIRequestContext, key: ApiKey) => {
      const called = phone();
      const rule = await run(App.creates.create_routing_rule.operation.perform, { authData, inputData: { called_number: called, action: "agent", target: "Zapier desk" } });
      try {
        const response = await request.post("/api/v1/inbound-calls", { headers: key.headers, data: { from: phone(), to: called } });
        expect(response.status()).toBe(201);
        const call = await response.json();
        expect(call.routing).toEqual({ rule_id: rule.id, action: "agent", target: "Zapier desk" });
        return [call.id as string];
      } finally {
        expect((await request.delete(`/api/v1/routing-rules/${rule.id}`, { headers: key.headers })).status()).toBe(200);
      }
    },
    expected: { object: "call", direction: "inbound", routing: { rule_id: expect.stringMatching(/^rule_/), action: "agent", target: "Zapier desk" } },
  },
  {
    key: "contact_created_or_updated",
    events: ["contact.created", "contact.updated"],
    cause: async (authData: object) => {
      const externalId = `zap-${randomUUID()}`;
      const create = App.creates.create_or_update_contact.operation.perform;
      const contact = await run(create, { authData, inputData: { external_id: externalId, first_name: "Ada" } });
      await run(create, { authData, inputData: { external_id: externalId, company: "Analytical Engines" } });
      return [contact.id, contact.id];
    },
    expected: { object: "contact", first_name: "Ada" },
  },
] as const;

async function launchCall(authData: object, to: string): Promise<string> {
  return (await run(App.creates.launch_call.operation.perform, { authData, inputData: { to } })).id;
}

// Whether the server has the events API (GET /api/v1/events) that the REST hooks' sample data
// (performList) reads; servers from before it answer 404 for the route.
async function hasEventsApi(baseURL: string, key: ApiKey) {
  return (await fetch(`${baseURL}/api/v1/events?limit=1`, { headers: key.headers })).status !== 404;
}

test.describe("Zapier app REST hooks", { tag: ["@zapier", "@api", "@webhooks"] }, () => {
  for (const hook of HOOK_TRIGGERS) {
    test(`${hook.key}: subscribes a webhook endpoint, turns real deliveries into Zap runs, unsubscribes`, async ({ baseURL, apiKey, request }) => {
      requireWebhookReceiver();
      // Waits for calls to end and deliveries to arrive.
      test.slow();
      const trigger = App.triggers[hook.key].operation;
      const authData = connectionTo(baseURL!, apiKey.secret);
      const inbox = await openWebhookInbox();
      try {
        // Turning the Zap on: an endpoint for exactly this trigger's events, pointed at the hook URL.
        const subscribeData = await run<{ id: string; url: string; events: string[] }>(trigger.performSubscribe, { authData, targetUrl: inbox.url, inputData: {} });
        expect(subscribeData).toEqual({ id: expect.stringMatching(/^we_/), url: inbox.url, events: [...hook.events] });
        const endpoint = await apiGet(request, apiKey, `/api/v1/webhook-endpoints/${subscribeData.id}`);
        expect(endpoint.body).toMatchObject({ url: inbox.url, events: [...hook.events], enabled: true, description: expect.stringMatching(/^Zapier: /) });

        // Switchboard delivers; each delivery goes to perform as Zapier hands it over.
        const objectIds = await hook.cause(authData, request, apiKey);
        let deliveries: Delivery[] = [];
        await expect
          .poll(async () => (deliveries = (await inbox.messages()) as Delivery[]).length, UNTIL_ENDED)
          .toBe(objectIds.length);
        // Deliveries of one endpoint may overlap; event ids sort by creation time.
        deliveries.sort((a, b) => (a.payload.id < b.payload.id ? -1 : 1));
        expect(deliveries.map((delivery) => delivery.payload.type)).toEqual([...hook.events]);
        for (const [index, delivery] of deliveries.entries()) {
          const items = await run<ZapierItem[]>(trigger.perform, {
            authData,
            inputData: {},
            subscribeData,
            cleanedRequest: JSON.parse(delivery.body),
            rawRequest: { content: delivery.body, headers: Object.fromEntries(Object.entries(delivery.headers).map(([name, value]) => [name, String(value)])) },
          });
          expect(items).toEqual([
            expect.objectContaining({ ...hook.expected, id: objectIds[index], event_id: delivery.payload.id, event_type: delivery.payload.type }),
          ]);
        }
        const ping = { id: "evt_ping", type: "ping", created_at: new Date().toISOString(), data: { object: "ping", message: "Test event from Switchboard" } };
        expect(await run<ZapierItem[]>(trigger.perform, { authData, inputData: {}, subscribeData, cleanedRequest: ping })).toEqual([]);

        // Sample data for the Zap editor comes from the events API: the events just delivered.
        if (await hasEventsApi(baseURL!, apiKey)) {
          const samples = await run<(ZapierItem & { event_id: string })[]>(trigger.performList, { authData, inputData: {} });
          const sampleEventIds = samples.map((sample) => sample.event_id);
          expect(sampleEventIds).toEqual(expect.arrayContaining(deliveries.map((delivery) => delivery.payload.id)));
          expect(samples[0]).toMatchObject({ id: objectIds.at(-1), event_type: hook.events.at(-1) });
        } else {
          test.info().annotations.push({ type: "events API missing", description: "GET /api/v1/events answered 404: performList's samples were not checked against delivered events." });
          expect(await zapierError(run(trigger.performList, { authData, inputData: {} }))).toMatchObject({ name: "AppError", status: 404 });
        }

        // Turning the Zap off deletes the endpoint; a second time (already gone) is no error.
        expect(await run(trigger.performUnsubscribe, { authData, subscribeData })).toMatchObject({ id: subscribeData.id, deleted: true });
        expect((await apiGet(request, apiKey, `/api/v1/webhook-endpoints/${subscribeData.id}`)).status).toBe(404);
        const listed = await apiGet(request, apiKey, "/api/v1/webhook-endpoints?limit=100");
        expect(listed.body.data.map((endpoint: { id: string }) => endpoint.id)).not.toContain(subscribeData.id);
        expect(await run(trigger.performUnsubscribe, { authData, subscribeData })).toMatchObject({ id: subscribeData.id, deleted: true });
      } finally {
        await inbox.close();
      }
    });
  }
});
