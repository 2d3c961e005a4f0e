import { afterEach, describe, expect, it } from "vitest";
import { MAX_BUFFERED_LOG_ROWS, hourOf, recordUsedRequest, restorePendingUsage, takePendingUsage, type UsedRequest } from "./usage-buffer";

const request = (overrides: Partial<UsedRequest> = {}): UsedRequest => ({
  requestId: `req_${Math.random().toString(36).slice(2)}`,
  apiKeyId: "key_a",
  accountId: "acct_1",
  method: "GET",
  route: "/api/v1/me",
  status: 200,
  latencyMs: 10,
  ip: "203.0.113.9",
  userAgent: "curl/8.5",
  errorCode: null,
  at: new Date("2026-11-30T10:15:00.000Z"),
  ...overrides,
});

afterEach(() => {
  takePendingUsage();
});

describe("the usage buffer", () => {
  it("counts per key per UTC hour by status class, with latency sum and maximum", () => {
    recordUsedRequest(request({ status: 200, latencyMs: 10.4 }));
    recordUsedRequest(request({ status: 201, latencyMs: 30 }));
    recordUsedRequest(request({ status: 404, latencyMs: 5, errorCode: "not_found" }));
    recordUsedRequest(request({ status: 503, latencyMs: 50, at: new Date("2026-11-30T10:59:59.999Z") }));
    recordUsedRequest(request({ status: 200, latencyMs: 7, at: new Date("2026-11-30T11:00:00.000Z") }));
    recordUsedRequest(request({ apiKeyId: "key_b", status: 401, latencyMs: 2 }));

    const pending = takePendingUsage();
    const byKeyHour = Object.fromEntries(pending.usage.map((row) => [`${row.apiKeyId} ${row.hour.toISOString()}`, row]));
    expect(Object.keys(byKeyHour).sort()).toEqual([
      "key_a 2026-11-30T10:00:00.000Z",
      "key_a 2026-11-30T11:00:00.000Z",
      "key_b 2026-11-30T10:00:00.000Z",
    ]);
    expect(byKeyHour["key_a 2026-11-30T10:00:00.000Z"]).toMatchObject({ count2xx: 2, count4xx: 1, count5xx: 1, latencyMsSum: 95, latencyMsMax: 50 });
    expect(byKeyHour["key_a 2026-11-30T11:00:00.000Z"]).toMatchObject({ count2xx: 1, count4xx: 0, count5xx: 0, latencyMsSum: 7, latencyMsMax: 7 });
    expect(byKeyHour["key_b 2026-11-30T10:00:00.000Z"]).toMatchObject({ count2xx: 0, count4xx: 1, latencyMsSum: 2 });
    expect(pending.log).toHaveLength(6);
    expect(pending.log[2]).toMatchObject({ status: 404, errorCode: "not_found", route: "/api/v1/me", ip: "203.0.113.9", userAgent: "curl/8.5" });
    // The latest use of each key, for lastUsedAt/Ip/UserAgent.
    expect(pending.lastUses.find((use) => use.apiKeyId === "key_a")?.at.toISOString()).toBe("2026-11-30T11:00:00.000Z");
    expect(takePendingUsage()).toEqual({ usage: [], lastUses: [], log: [], dropped: 0 });
  });

  it("takes the start of the UTC hour", () => {
    expect(hourOf(new Date("2026-11-30T23:59:59.999Z")).toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });

  it("keeps only a bounded prefix of the user agent", () => {
    recordUsedRequest(request({ userAgent: "x".repeat(5000) }));
    expect(takePendingUsage().log[0].userAgent).toHaveLength(256);
  });

  it("drops the oldest log rows past its cap and counts them, while still counting every request", () => {
    for (let i = 0; i < MAX_BUFFERED_LOG_ROWS + 3; i++) recordUsedRequest(request({ requestId: `req_${i}` }));
    const pending = takePendingUsage();
    expect(pending.log).toHaveLength(MAX_BUFFERED_LOG_ROWS);
    expect(pending.log[0].id).toBe("req_3");
    expect(pending.dropped).toBe(3);
    expect(pending.usage[0].count2xx).toBe(MAX_BUFFERED_LOG_ROWS + 3);
  });

  it("keeps the newest rows in order across many drops (past the point where it compacts)", () => {
    const extra = 5_000;
    for (let i = 0; i < MAX_BUFFERED_LOG_ROWS + extra; i++) recordUsedRequest(request({ requestId: `req_${i}` }));
    const pending = takePendingUsage();
    expect(pending.log).toHaveLength(MAX_BUFFERED_LOG_ROWS);
    expect(pending.log[0].id).toBe(`req_${extra}`);
    expect(pending.log.at(-1)?.id).toBe(`req_${MAX_BUFFERED_LOG_ROWS + extra - 1}`);
    expect(pending.log.every((row, index) => row.id === `req_${extra + index}`)).toBe(true);
    expect(pending.dropped).toBe(extra);
    expect(takePendingUsage().log).toHaveLength(0);
  });

  it("takes back what a failed flush held, adding to what arrived meanwhile", () => {
    recordUsedRequest(request({ requestId: "req_old", latencyMs: 40 }));
    const failed = takePendingUsage();
    recordUsedRequest(request({ requestId: "req_new", latencyMs: 20 }));
    restorePendingUsage(failed);
    const pending = takePendingUsage();
    expect(pending.log.map((row) => row.id)).toEqual(["req_old", "req_new"]);
    expect(pending.usage).toHaveLength(1);
    expect(pending.usage[0]).toMatchObject({ count2xx: 2, latencyMsSum: 60, latencyMsMax: 40 });
  });
});
