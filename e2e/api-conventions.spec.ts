import { randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { allCalls, auth, awaitRoomInRateLimitWindow, expect, expectApiError, launchCall, test, type ApiKey } from "./support/api-account";

const TO = "+14155550123";
// Well-formed, valid checksum, never issued: fails authentication at the database lookup.
const UNKNOWN_KEY = "sb_live_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA24LCL1";

async function inBatches<T>(count: number, batchSize: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += batchSize) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(batchSize, count - start) }, (_, i) => send(start + i)))));
  }
  return results;
}

const postCall = (request: APIRequestContext, key: ApiKey, data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  request.post("/api/v1/calls", { headers: { ...key.headers, ...headers }, data });

test("every answer carries its own Request-Id, and every failure the same error shape", { tag: ["@api"] }, async ({ request, apiKey }) => {
  const call = await launchCall(request, apiKey, { to: TO });
  await request.post(`/api/v1/calls/${call.id}/cancel`, { headers: apiKey.headers });
  const get = (path: string, headers: Record<string, string> = apiKey.headers) => request.get(path, { headers });

  const successes = [await request.get("/api/v1/health"), await get("/api/v1/me"), await get("/api/v1/calls"), await get(`/api/v1/calls/${call.id}`)];
  for (const response of successes) expect(response.status()).toBe(200);

  const failures: [APIResponse, number][] = [
    [await get("/api/v1/calls", {}), 401],
    [await get("/api/v1/me", { Authorization: `Bearer ${UNKNOWN_KEY}` }), 401],
    [await get("/api/v1/me", { Authorization: "Token abc" }), 401],
    [await postCall(request, apiKey, {}), 400],
    [await get("/api/v1/calls?limit=1000"), 400],
    [await get("/api/v1/calls/call_1"), 400],
    [await get(`/api/v1/calls/call_${"0".repeat(25)}`), 404],
    [await request.post(`/api/v1/calls/${call.id}/cancel`, { headers: apiKey.headers }), 409],
  ];
  for (const [response, status] of failures) await expectApiError(response, status);

  const ids = [...successes, ...failures.map(([response]) => response)].map((response) => response.headers()["request-id"]);
  for (const id of ids) expect(id).toMatch(/^req_[\w-]{16}$/);
  expect(new Set(ids).size).toBe(ids.length);
  for (const response of [...successes, ...failures.map(([r]) => r)]) expect(response.headers()["cache-control"]).toBe("no-store");
});

test("a key's answers count down its rate limit in RateLimit-* headers", { tag: ["@api"] }, async ({ request, apiKey }) => {
  await awaitRoomInRateLimitWindow(3_000);
  const answers = [
    await request.get("/api/v1/me", { headers: apiKey.headers }),
    await request.get("/api/v1/calls", { headers: apiKey.headers }),
    await postCall(request, apiKey, { to: "not a number" }),
  ];
  const remaining = answers.map((response) => Number(response.headers()["ratelimit-remaining"]));
  for (const response of answers) {
    expect(response.headers()["ratelimit-limit"]).toBe("100");
    const reset = Number(response.headers()["ratelimit-reset"]);
    expect(Number.isInteger(reset) && reset >= 1 && reset <= 10).toBe(true);
  }
  expect(remaining[0]).toBeLessThan(100);
  expect(remaining).toEqual([remaining[0], remaining[0] - 1, remaining[0] - 2]);
});

test("a key is limited to 100 requests per 10 s, with 429 and Retry-After; other keys are not", { tag: ["@api"] }, async ({ request, apiKey, apiAccount }) => {
  const bystander = await apiAccount.newKey("Bystander");
  await awaitRoomInRateLimitWindow(6_000);
  const first = await request.get("/api/v1/calls?limit=1", { headers: apiKey.headers });
  expect(first.status()).toBe(200);
  const budget = Number(first.headers()["ratelimit-remaining"]);
  expect(budget).toBeGreaterThan(90);

  const responses = await inBatches(budget + 10, 20, () => request.get("/api/v1/calls?limit=1", { headers: apiKey.headers }));
  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status === 200)).toHaveLength(budget);
  expect(statuses.filter((status) => status === 429)).toHaveLength(10);

  const limited = responses.find((response) => response.status() === 429)!;
  const error = await expectApiError(limited, 429, { code: "rate_limited" });
  expect(error.message).toContain("100 requests");
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 10).toBe(true);
  expect(limited.headers()).toMatchObject({ "ratelimit-limit": "100", "ratelimit-remaining": "0" });

  expect((await request.get("/api/v1/me", { headers: auth(bystander) })).status()).toBe(200);
});

// The server trusts loopback as a proxy (TRUSTED_PROXIES in playwright.config.ts) and the test
// plays it: X-Forwarded-For names the client's address. Its own address keeps this throttle away
// from other tests' bad keys.
test("failed authentications from one address are throttled with 429, never a valid key", { tag: ["@api", "@security"] }, async ({ request, apiKey }) => {
  test.skip(
    !!process.env.E2E_BASE_URL,
    "Needs a server that trusts this runner as its proxy (TRUSTED_PROXIES); the hardening suite checks the throttle served directly.",
  );
  const address = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
  const fromAddress = { "X-Forwarded-For": address };
  const statuses: number[] = [];
  let throttled: APIResponse | undefined;
  for (let i = 0; i < 40 && !throttled; i++) {
    const response = await request.get("/api/v1/me", { headers: { ...fromAddress, Authorization: `Bearer ${UNKNOWN_KEY}` } });
    statuses.push(response.status());
    if (response.status() === 429) throttled = response;
  }
  expect(throttled, `statuses: ${statuses.join(",")}`).toBeDefined();
  expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
  const error = await expectApiError(throttled!, 429, { code: "rate_limited" });
  expect(error.message).toContain("invalid API keys");
  expect(Number(throttled!.headers()["retry-after"])).toBeGreaterThanOrEqual(1);

  // Missing keys count as failures too; a real key from the same address still works.
  await expectApiError(await request.get("/api/v1/me", { headers: fromAddress }), 429);
  expect((await request.get("/api/v1/me", { headers: { ...fromAddress, ...apiKey.headers } })).status()).toBe(200);
  // A client claiming an address in front of the proxy's does not get a fresh allowance.
  await expectApiError(
    await request.get("/api/v1/me", { headers: { "X-Forwarded-For": `203.0.113.9, ${address}`, Authorization: `Bearer ${UNKNOWN_KEY}` } }),
    429,
  );
});

test.describe("Idempotency-Key", { tag: ["@api"] }, () => {
  test("a repeat replays the first answer; another body with the same key is a 409", async ({ request, apiKey }) => {
    const marker = randomUUID();
    const idempotency = { "Idempotency-Key": `launch-${marker}` };
    const body = { to: TO, metadata: { marker } };

    const first = await postCall(request, apiKey, body, idempotency);
    expect(first.status()).toBe(201);
    expect(first.headers()["idempotent-replayed"]).toBeUndefined();
    const repeat = await postCall(request, apiKey, body, idempotency);
    expect(repeat.status()).toBe(201);
    expect(repeat.headers()["idempotent-replayed"]).toBe("true");
    expect(await repeat.text()).toBe(await first.text());

    const conflict = await expectApiError(await postCall(request, apiKey, { ...body, agent: "Other" }, idempotency), 409, {
      code: "idempotency_key_reused",
      param: "Idempotency-Key",
    });
    expect(conflict.message).toContain("different request");

    const launched = (await allCalls(request, apiKey)).filter((call) => (call.metadata as Record<string, string>).marker === marker);
    expect(launched.map((call) => call.id)).toEqual([(await first.json()).id]);

    // Without the header every POST launches a call.
    await postCall(request, apiKey, body);
    expect((await allCalls(request, apiKey)).filter((call) => (call.metadata as Record<string, string>).marker === marker)).toHaveLength(2);
  });

  test("20 concurrent duplicates launch one call and all get its answer", async ({ request, apiKey }) => {
    const marker = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => postCall(request, apiKey, { to: TO, metadata: { marker } }, { "Idempotency-Key": marker })),
    );
    expect(responses.map((response) => response.status())).toEqual(Array(20).fill(201));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(responses.filter((response) => response.headers()["idempotent-replayed"] === "true")).toHaveLength(19);

    const launched = (await allCalls(request, apiKey)).filter((call) => (call.metadata as Record<string, string>).marker === marker);
    expect(launched).toHaveLength(1);
  });

  test("a malformed key is a 400 and launches nothing", async ({ request, apiKey }) => {
    for (const key of ["has space", "k".repeat(256)]) {
      await expectApiError(await postCall(request, apiKey, { to: TO }, { "Idempotency-Key": key }), 400, {
        code: "invalid_idempotency_key",
        param: "Idempotency-Key",
      });
    }
    expect((await allCalls(request, apiKey)).filter((call) => call.api_key_id === apiKey.id)).toEqual([]);
  });
});

test.describe("permissions on calls", { tag: ["@api"] }, () => {
  test("a Read only key lists and reads calls but cannot launch or cancel one", async ({ request, apiKey, apiAccount }) => {
    const call = await launchCall(request, apiKey, { to: TO });
    const reader = auth(await apiAccount.newKey("Reader", { access: "Read only" }));

    expect((await request.get("/api/v1/calls", { headers: reader })).status()).toBe(200);
    expect((await request.get(`/api/v1/calls/${call.id}`, { headers: reader })).status()).toBe(200);
    const refused = await expectApiError(await request.post("/api/v1/calls", { headers: reader, data: { to: TO } }), 403, {
      code: "missing_permission",
    });
    expect(refused.message).toContain("calls:write");
    await expectApiError(await request.post(`/api/v1/calls/${call.id}/cancel`, { headers: reader }), 403, { code: "missing_permission" });
    // Permission is checked before the body, so a reader learns nothing from validation.
    await expectApiError(await request.post("/api/v1/calls", { headers: reader, data: { nonsense: true } }), 403);
    const me = await request.get("/api/v1/me", { headers: reader });
    expect((await me.json()).api_key.permissions).toEqual({ calls: "read", contacts: "read", routing: "read", webhooks: "read" });
  });

  test("a Restricted key follows its level for Calls", async ({ request, apiKey, apiAccount }) => {
    const call = await launchCall(request, apiKey, { to: TO });
    const none = auth(await apiAccount.newKey("No calls", { access: "Restricted", scopes: { Contacts: "Read" } }));
    const read = auth(await apiAccount.newKey("Calls read", { access: "Restricted", scopes: { Calls: "Read" } }));
    const write = auth(await apiAccount.newKey("Calls write", { access: "Restricted", scopes: { Calls: "Write" } }));

    const refused = await expectApiError(await request.get("/api/v1/calls", { headers: none }), 403, { code: "missing_permission" });
    expect(refused.message).toContain("calls:read");
    await expectApiError(await request.get(`/api/v1/calls/${call.id}`, { headers: none }), 403);

    expect((await request.get(`/api/v1/calls/${call.id}`, { headers: read })).status()).toBe(200);
    await expectApiError(await request.post("/api/v1/calls", { headers: read, data: { to: TO } }), 403);

    expect((await request.post("/api/v1/calls", { headers: write, data: { to: TO } })).status()).toBe(201);
    expect((await request.get("/api/v1/calls", { headers: write })).status()).toBe(200);
  });
});

test("another account's calls are invisible: 404 like a missing call, and absent from lists", { tag: ["@api"] }, async ({ request, apiKey, otherApiKey }) => {
  const mine = await launchCall(request, apiKey, { to: TO });
  const theirs = await launchCall(request, otherApiKey, { to: TO });

  for (const [key, id] of [
    [otherApiKey, mine.id],
    [apiKey, theirs.id],
  ] as const) {
    await expectApiError(await request.get(`/api/v1/calls/${id}`, { headers: key.headers }), 404, { code: "resource_missing", param: "id" });
    await expectApiError(await request.post(`/api/v1/calls/${id}/cancel`, { headers: key.headers }), 404, { code: "resource_missing" });
  }
  expect((await request.get(`/api/v1/calls/${mine.id}`, { headers: apiKey.headers })).status()).toBe(200);
  expect((await allCalls(request, apiKey)).map((call) => call.id)).not.toContain(theirs.id);
  expect((await allCalls(request, otherApiKey)).map((call) => call.id)).not.toContain(mine.id);
  // A starting_after from another account only bounds the list; it reveals nothing.
  const page = await request.get("/api/v1/calls", { headers: apiKey.headers, params: { starting_after: theirs.id } });
  expect(page.status()).toBe(200);
  expect((await page.json()).data.map((call: { id: string }) => call.id)).not.toContain(theirs.id);
});
