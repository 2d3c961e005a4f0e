import { describe, expect, it } from "vitest";
import { apiRequestRecord, errorCodeOf, noteRequestFacts, requestFacts, startRequestClock } from "./api-request-log";

describe("the API request record", () => {
  it("holds identifiers, the start time and the latency", async () => {
    const clock = startRequestClock();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const record = apiRequestRecord(clock, {
      requestId: "req_1",
      method: "GET",
      route: "/api/v1/calls/{id}",
      status: 404,
      apiKeyId: "key_1",
      accountId: "acct_1",
      errorCode: "not_found",
      clientAddress: "203.0.113.9",
    });
    expect(record.time).toBe(new Date(clock.wall).toISOString());
    expect(record.latencyMs).toBeGreaterThanOrEqual(4);
    expect(Object.keys(record).sort()).toEqual(
      ["accountId", "apiKeyId", "clientAddress", "errorCode", "latencyMs", "method", "requestId", "route", "status", "time"].sort(),
    );
  });

  it("takes the error code from the API's error object and nothing from other answers", async () => {
    expect(await errorCodeOf(Response.json({ error: { type: "not_found", code: "call_not_found", message: "…" } }, { status: 404 }))).toBe("call_not_found");
    expect(await errorCodeOf(Response.json({ id: "call_1", code: "not-an-error" }, { status: 200 }))).toBeNull();
    expect(await errorCodeOf(new Response("<html>", { status: 500, headers: { "content-type": "text/html" } }))).toBeNull();
    expect(await errorCodeOf(new Response("{", { status: 400, headers: { "content-type": "application/json" } }))).toBeNull();
    // The answer itself is still readable afterwards.
    const response = Response.json({ error: { code: "rate_limited" } }, { status: 429 });
    await errorCodeOf(response);
    expect(await response.json()).toEqual({ error: { code: "rate_limited" } });
  });

  it("gathers what the key check learned about a request", () => {
    const request = new Request("http://localhost/api/v1/me");
    expect(requestFacts(request)).toEqual({});
    noteRequestFacts(request, { route: "/api/v1/me" });
    noteRequestFacts(request, { apiKeyId: "key_1", accountId: "acct_1" });
    expect(requestFacts(request)).toEqual({ route: "/api/v1/me", apiKeyId: "key_1", accountId: "acct_1" });
  });
});
