import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/api-keys";
import type { PermissionsInput } from "@/lib/api-keys/permissions";
import { db } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SERVER } from "@/lib/client-address/resolve.mjs";
import { newId } from "@/lib/ids/new-id";
import { logger } from "@/lib/logging/logger";
import { defineOperation, response } from "./operation";
import { withApiKey } from "./with-api-key";

// Outside a Next.js request there is no after(); run the deferred work at once instead.
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const ORIGIN = { ip: null, userAgent: null };

async function keyWith(permissions: Partial<PermissionsInput> = {}) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  const { secret, apiKey } = await createApiKey(user.id, { name: "Unit", expiration: "never", ...permissions }, ORIGIN);
  return { secret, keyId: apiKey.id, accountId: user.id };
}

const thingSchema = z.object({ name: z.string(), run: z.number(), accountId: z.string() });
const idSchema = z.object({ id: z.string() });

let runs = 0;
const createThing = defineOperation({
  method: "POST",
  path: "/api/v1/things",
  operationId: "createThing",
  tag: "Things",
  summary: "Create a thing",
  permission: "calls:write",
  body: z.strictObject({ name: z.string() }),
  responses: { 201: response({ description: "The thing.", schema: thingSchema, example: { name: "a", run: 1, accountId: "acct" } }) },
  handler: async ({ body, accountId }) => {
    runs += 1;
    return { status: 201, body: { name: body.name, run: runs, accountId } };
  },
});

const getThing = {
  method: "GET",
  path: "/api/v1/things/{id}",
  operationId: "getThing",
  tag: "Things",
  summary: "Get a thing",
  permission: "calls:read",
  idPrefix: "call",
  responses: { 200: response({ description: "The thing.", schema: idSchema, example: { id: "call_x" } }) },
} as const;

const createRoute = withApiKey(createThing);
const getRoute = withApiKey(defineOperation({ ...getThing, handler: async ({ params }) => ({ status: 200, body: { id: params.id } }) }));
const failingRoute = withApiKey(
  defineOperation({
    ...getThing,
    handler: async () => {
      throw new Error("SQLITE_CORRUPT: database disk image is malformed at /var/data/app.db");
    },
  }),
);

function post(secret: string, body: string, headers: Record<string, string> = {}) {
  return createRoute(
    new Request("http://localhost/api/v1/things", {
      method: "POST",
      body,
      headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json", ...headers },
    }),
    { params: Promise.resolve({}) },
  );
}

function get(route: typeof getRoute, secret: string | null, id: string, headers: Record<string, string> = {}) {
  return route(new Request(`http://localhost/api/v1/things/${id}`, { headers: { ...(secret ? { Authorization: `Bearer ${secret}` } : {}), ...headers } }), {
    params: Promise.resolve({ id }),
  });
}

describe("withApiKey", () => {
  it("answers with Request-Id, no-store and the key's rate limit", async () => {
    const { secret } = await keyWith();
    const id = newId("call");
    const response = await get(getRoute, secret, id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id });
    expect(response.headers.get("Request-Id")).toMatch(/^req_[\w-]{16}$/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("RateLimit-Limit")).toBe("100");
    expect(response.headers.get("RateLimit-Remaining")).toBe("99");
  });

  it("refuses a missing permission before it looks at the body", async () => {
    const { secret } = await keyWith({ access: "read" });
    const response = await post(secret, "not json");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        type: "permission_error",
        code: "missing_permission",
        message:
          "This API key lacks the calls:write permission (Calls: Write). Use a key with that permission or change the key in Integration Settings.",
      },
    });
    expect(response.headers.get("RateLimit-Remaining")).toBe("99");
  });

  it("refuses a restricted key without the resource, and lets it read what it may", async () => {
    const { secret } = await keyWith({ access: "restricted", contacts: "write" });
    expect((await get(getRoute, secret, newId("call"))).status).toBe(403);
    const reader = await keyWith({ access: "restricted", calls: "read" });
    expect((await get(getRoute, reader.secret, newId("call"))).status).toBe(200);
    expect((await post(reader.secret, '{"name":"x"}')).status).toBe(403);
  });

  it("refuses an id of another kind with param id", async () => {
    const { secret } = await keyWith();
    const response = await get(getRoute, secret, newId("contact"));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", code: "invalid_id", param: "id" });
  });

  it("hides internal errors behind a 500 that names the Request-Id", async () => {
    const { secret } = await keyWith();
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    try {
      const response = await get(failingRoute, secret, newId("call"));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(/SQLITE|\/var\/data/);
      expect(JSON.parse(text).error).toMatchObject({ type: "api_error", code: "internal_error" });
      expect(log).toHaveBeenCalledWith({ err: expect.any(Error), requestId: response.headers.get("Request-Id") }, "unhandled API error");
    } finally {
      log.mockRestore();
    }
  });

  it("replays an idempotent POST and does not remember a refused body", async () => {
    const { secret, accountId } = await keyWith();
    const invalid = await post(secret, '{"name":1}', { "Idempotency-Key": "k1" });
    expect(invalid.status).toBe(400);
    const before = runs;
    const first = await post(secret, '{"name":"a"}', { "Idempotency-Key": "k1" });
    const again = await post(secret, '{"name":"a"}', { "Idempotency-Key": "k1" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(await first.text());
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.headers.get("Request-Id")).not.toBe(first.headers.get("Request-Id"));
    expect(again.headers.get("RateLimit-Limit")).toBe("100");
    expect(runs).toBe(before + 1);
    expect(await db.idempotencyRecord.count({ where: { accountId } })).toBe(1);
  });

  it("limits each key to 100 requests per window with 429 and Retry-After", async () => {
    const { secret } = await keyWith();
    const other = await keyWith();
    const id = newId("call");
    // Windows are aligned to the clock: 101 requests crossing a boundary would start a new one.
    // Date stands still just inside a fresh window; timers stay real.
    vi.useFakeTimers({ toFake: ["Date"], now: Math.ceil(Date.now() / 10_000) * 10_000 + 1 });
    onTestFinished(() => void vi.useRealTimers());
    const statuses = [];
    for (let i = 0; i < 101; i++) statuses.push((await get(getRoute, secret, id)).status);
    expect(statuses.slice(0, 100).every((status) => status === 200)).toBe(true);
    const limited = await get(getRoute, secret, id);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("RateLimit-Remaining")).toBe("0");
    expect((await limited.json()).error).toMatchObject({ type: "rate_limit_error", code: "rate_limited" });
    expect((await get(getRoute, other.secret, id)).status).toBe(200);
  });

  describe("failed authentications per client address", () => {
    const badKey = `sb_live_${"a".repeat(36)}`;
    // These tests play scripts/server.mjs, which resolves the address and passes it in its header.
    const from = (address: string, forwardedFor?: string) => ({
      [CLIENT_ADDRESS_HEADER]: address,
      ...(forwardedFor ? { "X-Forwarded-For": forwardedFor } : {}),
    });
    const marker = globalThis as Record<symbol, unknown>;
    beforeAll(() => {
      marker[CLIENT_ADDRESS_SERVER] = true;
    });
    afterAll(() => {
      delete marker[CLIENT_ADDRESS_SERVER];
    });

    async function failures(count: number, headers: (i: number) => Record<string, string>) {
      const statuses = [];
      for (let i = 0; i < count; i++) statuses.push((await get(getRoute, badKey, newId("call"), headers(i))).status);
      return statuses;
    }

    it("answers 429 with Retry-After after 30 failures from one address, but never to a valid key", async () => {
      const address = from("198.51.100.10");
      expect(await failures(30, () => address)).toEqual(Array(30).fill(401));
      const throttled = await get(getRoute, badKey, newId("call"), address);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await get(getRoute, null, newId("call"), address)).status).toBe(429);

      const { secret } = await keyWith();
      expect((await get(getRoute, secret, newId("call"), address)).status).toBe(200);
      expect((await get(getRoute, badKey, newId("call"), from("198.51.100.11"))).status).toBe(401);
    });

    it("counts by the resolved address, whatever X-Forwarded-For says", async () => {
      const statuses = await failures(31, (i) => from("198.51.100.20", `203.0.113.${i}`));
      expect(statuses.at(-1)).toBe(429);
    });

    it("counts an IPv6 client per /64", async () => {
      const statuses = await failures(31, (i) => from(`2001:db8:5:6::${(i + 1).toString(16)}`));
      expect(statuses.at(-1)).toBe(429);
      expect((await get(getRoute, badKey, newId("call"), from("2001:db8:5:7::1"))).status).toBe(401);
    });
  });

  describe("IP allowlist", () => {
    const marker = globalThis as Record<symbol, unknown>;
    const from = (address: string) => ({ [CLIENT_ADDRESS_HEADER]: address });
    let secret: string;
    beforeAll(async () => {
      marker[CLIENT_ADDRESS_SERVER] = true;
      const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
      ({ secret } = await createApiKey(user.id, { name: "Allowlisted", expiration: "never", allowedIps: ["203.0.113.0/24", "2001:db8::1"] }, ORIGIN));
    });
    afterAll(() => {
      delete marker[CLIENT_ADDRESS_SERVER];
    });

    it("lets listed addresses through, mapped IPv4 included", async () => {
      expect((await get(getRoute, secret, newId("call"), from("203.0.113.77"))).status).toBe(200);
      expect((await get(getRoute, secret, newId("call"), from("::ffff:203.0.113.5"))).status).toBe(200);
      expect((await get(getRoute, secret, newId("call"), from("2001:db8::1"))).status).toBe(200);
    });

    it("refuses any other address with 403 ip_not_allowed naming it, without spending the key's rate limit", async () => {
      const refused = await get(getRoute, secret, newId("call"), from("198.51.100.9"));
      expect(refused.status).toBe(403);
      expect(refused.headers.get("X-RateLimit-Remaining")).toBeNull();
      const { error } = await refused.json();
      expect(error).toMatchObject({ type: "permission_error", code: "ip_not_allowed" });
      expect(error.message).toContain("198.51.100.9");
      expect((await get(getRoute, secret, newId("call"), from("2001:db8::2"))).status).toBe(403);
    });

    it("refuses an unknown address", async () => {
      expect((await get(getRoute, secret, newId("call"))).status).toBe(403);
      delete marker[CLIENT_ADDRESS_SERVER];
      try {
        const refused = await get(getRoute, secret, newId("call"), from("203.0.113.77"));
        expect(refused.status).toBe(403);
        expect((await refused.json()).error.message).toContain("unknown");
      } finally {
        marker[CLIENT_ADDRESS_SERVER] = true;
      }
    });

    it("leaves a key without an allowlist usable from any address", async () => {
      const { secret: open } = await keyWith();
      expect((await get(getRoute, open, newId("call"))).status).toBe(200);
      expect((await get(getRoute, open, newId("call"), from("198.51.100.9"))).status).toBe(200);
    });
  });
});
