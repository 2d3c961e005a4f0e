import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ApiError } from "./errors";
import { withIdempotency, type RequestFingerprint } from "./idempotency";

const CREATE: RequestFingerprint = { method: "POST", path: "/api/v1/calls", body: '{"to":"+14155550123"}' };

async function createUser() {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  return user.id;
}

// Stands in for a route: counts its runs and answers with a body that differs per run.
function counter(status = 201, delayMs = 0) {
  const state = { runs: 0 };
  const execute = async () => {
    state.runs += 1;
    const run = state.runs;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return Response.json({ id: `call_${run}`, run }, { status });
  };
  return Object.assign(state, { execute });
}

async function answer(response: Response) {
  return { status: response.status, body: await response.text(), replayed: response.headers.get("Idempotent-Replayed") };
}

async function apiErrorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => new Error("expected an ApiError"),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

describe("withIdempotency", () => {
  it("replays the first answer for the same request, with Idempotent-Replayed", async () => {
    const accountId = await createUser();
    const route = counter();
    const first = await answer(await withIdempotency(accountId, "order-1", CREATE, route.execute));
    const second = await withIdempotency(accountId, "order-1", CREATE, route.execute);

    expect(first).toEqual({ status: 201, body: '{"id":"call_1","run":1}', replayed: null });
    expect(await answer(second)).toEqual({ status: 201, body: first.body, replayed: "true" });
    expect(second.headers.get("Content-Type")).toBe("application/json");
    expect(route.runs).toBe(1);
  });

  it("keeps the remembered answer encrypted, so a secret it carries is not in the database", async () => {
    const accountId = await createUser();
    const secret = "whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I=";
    const endpoint = { method: "POST", path: "/api/v1/webhook-endpoints", body: '{"url":"https://hooks.example.com"}' };
    const execute = async () => Response.json({ id: "we_1", secret }, { status: 201 });
    await withIdempotency(accountId, "add-endpoint", endpoint, execute);

    const stored = await db.idempotencyRecord.findFirstOrThrow({ where: { accountId, key: "add-endpoint" } });
    expect(stored.responseBody).not.toContain(secret.slice("whsec_".length));
    expect(await answer(await withIdempotency(accountId, "add-endpoint", endpoint, execute))).toEqual({
      status: 201,
      body: JSON.stringify({ id: "we_1", secret }),
      replayed: "true",
    });
  });

  it("replays an answer remembered in plain JSON before answers were encrypted", async () => {
    const accountId = await createUser();
    const route = counter();
    await withIdempotency(accountId, "legacy", CREATE, route.execute);
    await db.idempotencyRecord.updateMany({ where: { accountId, key: "legacy" }, data: { responseBody: '{"id":"call_1","run":1}' } });
    expect(await answer(await withIdempotency(accountId, "legacy", CREATE, route.execute))).toMatchObject({ body: '{"id":"call_1","run":1}', replayed: "true" });
    expect(route.runs).toBe(1);
  });

  it("refuses the same key with another body as a conflict, without running", async () => {
    const accountId = await createUser();
    const route = counter();
    await withIdempotency(accountId, "order-2", CREATE, route.execute);
    const error = await apiErrorOf(withIdempotency(accountId, "order-2", { ...CREATE, body: '{"to":"+14155550199"}' }, route.execute));
    expect(error).toMatchObject({ status: 409, type: "conflict_error", code: "idempotency_key_reused", options: { param: "Idempotency-Key" } });
    expect(route.runs).toBe(1);
  });

  it("refuses the same key on another path as a conflict", async () => {
    const accountId = await createUser();
    const route = counter();
    await withIdempotency(accountId, "order-3", CREATE, route.execute);
    const error = await apiErrorOf(withIdempotency(accountId, "order-3", { ...CREATE, path: "/api/v1/contacts" }, route.execute));
    expect(error.code).toBe("idempotency_key_reused");
  });

  it("keeps each account's keys apart", async () => {
    const [ada, grace] = [await createUser(), await createUser()];
    const route = counter();
    await withIdempotency(ada, "shared", CREATE, route.execute);
    const other = await answer(await withIdempotency(grace, "shared", { ...CREATE, body: "{}" }, route.execute));
    expect(other).toMatchObject({ status: 201, replayed: null });
    expect(route.runs).toBe(2);
  });

  it("runs 20 concurrent identical requests once and gives them all the same answer", async () => {
    const accountId = await createUser();
    const route = counter(201, 100);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => withIdempotency(accountId, "burst", CREATE, route.execute).then(answer)),
    );
    expect(route.runs).toBe(1);
    expect(new Set(answers.map(({ status, body }) => `${status} ${body}`))).toEqual(new Set(['201 {"id":"call_1","run":1}']));
    expect(answers.filter((a) => a.replayed === null)).toHaveLength(1);
    expect(await db.idempotencyRecord.count({ where: { accountId } })).toBe(1);
  });

  it("remembers a client error, so a retry gets the same refusal", async () => {
    const accountId = await createUser();
    const route = counter(400);
    await withIdempotency(accountId, "bad", CREATE, route.execute);
    expect(await answer(await withIdempotency(accountId, "bad", CREATE, route.execute))).toMatchObject({ status: 400, replayed: "true" });
    expect(route.runs).toBe(1);
  });

  it("forgets a server error, so a retry really runs again", async () => {
    const accountId = await createUser();
    const route = counter(500);
    expect((await withIdempotency(accountId, "flaky", CREATE, route.execute)).status).toBe(500);
    const retry = await answer(await withIdempotency(accountId, "flaky", CREATE, route.execute));
    expect(retry).toEqual({ status: 500, body: '{"id":"call_2","run":2}', replayed: null });
    expect(route.runs).toBe(2);
    expect(await db.idempotencyRecord.count({ where: { accountId } })).toBe(0);
  });

  it("forgets a request that threw, and rethrows", async () => {
    const accountId = await createUser();
    const boom = new Error("database down");
    await expect(withIdempotency(accountId, "throws", CREATE, () => Promise.reject(boom))).rejects.toBe(boom);
    const route = counter();
    expect((await answer(await withIdempotency(accountId, "throws", CREATE, route.execute))).replayed).toBeNull();
    expect(route.runs).toBe(1);
  });

  it("runs again once the remembered answer has expired", async () => {
    const accountId = await createUser();
    const route = counter();
    await withIdempotency(accountId, "old", CREATE, route.execute);
    await db.idempotencyRecord.updateMany({ where: { accountId, key: "old" }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await answer(await withIdempotency(accountId, "old", { ...CREATE, body: "{}" }, route.execute))).replayed).toBeNull();
    expect(route.runs).toBe(2);
  });

  it("takes over a claim whose request died long ago", async () => {
    const accountId = await createUser();
    await db.idempotencyRecord.create({
      data: {
        accountId,
        key: "orphan",
        method: "POST",
        path: CREATE.path,
        requestHash: "0".repeat(64),
        createdAt: new Date(Date.now() - 120_000),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const route = counter();
    expect((await answer(await withIdempotency(accountId, "orphan", CREATE, route.execute))).status).toBe(201);
    expect(route.runs).toBe(1);
  });

  it("answers 409 instead of waiting forever for a request that is still running", async () => {
    const accountId = await createUser();
    let finish = (_response: Response) => {};
    const first = withIdempotency(accountId, "slow", CREATE, () => new Promise<Response>((resolve) => (finish = resolve)));
    await expect.poll(() => db.idempotencyRecord.count({ where: { accountId, key: "slow" } })).toBe(1);

    // Each look at the clock moves it on 250 ms, so the 10 s wait runs out after a few polls.
    const start = Date.now();
    let calls = 0;
    const clock = vi.spyOn(Date, "now").mockImplementation(() => start + 250 * calls++);
    const route = counter();
    try {
      const error = await apiErrorOf(withIdempotency(accountId, "slow", CREATE, route.execute));
      expect(error).toMatchObject({ status: 409, type: "conflict_error", code: "idempotency_request_in_progress", options: { param: "Idempotency-Key" } });
    } finally {
      clock.mockRestore();
    }
    finish(Response.json({ done: true }, { status: 201 }));
    expect((await first).status).toBe(201);
    expect(await answer(await withIdempotency(accountId, "slow", CREATE, route.execute))).toEqual({ status: 201, body: '{"done":true}', replayed: "true" });
    expect(route.runs).toBe(0);
  });

  it.each([
    ["empty", ""],
    ["too long", "k".repeat(256)],
    ["with a space", "order 1"],
    ["with a control character", "order\t1"],
    ["not ASCII", "bestellung-ü"],
  ])("refuses a key that is %s with 400, without running", async (_label, key) => {
    const accountId = await createUser();
    const route = counter();
    const error = await apiErrorOf(withIdempotency(accountId, key, CREATE, route.execute));
    expect(error).toMatchObject({ status: 400, type: "invalid_request_error", code: "invalid_idempotency_key", options: { param: "Idempotency-Key" } });
    expect(route.runs).toBe(0);
  });

  it("accepts a 255-character printable key", async () => {
    const accountId = await createUser();
    const route = counter();
    expect((await withIdempotency(accountId, "~".repeat(255), CREATE, route.execute)).status).toBe(201);
  });
});
