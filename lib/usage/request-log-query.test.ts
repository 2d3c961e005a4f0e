import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { REQUEST_LOG_PAGE_SIZE, listRequestLog, parseRequestLogFilters } from "./request-log-query";

async function account() {
  return (await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } })).id;
}

const row = (accountId: string, index: number, overrides: object = {}) => ({
  id: `req_${String(index).padStart(4, "0")}${randomUUID().slice(0, 8)}`,
  accountId,
  apiKeyId: "key_a",
  method: "GET",
  route: "/api/v1/me",
  status: 200,
  latencyMs: 3,
  createdAt: new Date(Date.UTC(2026, 10, 30, 10, 0, index)),
  ...overrides,
});

describe("parseRequestLogFilters", () => {
  it("keeps valid filters and drops what does not fit", () => {
    expect(parseRequestLogFilters({ key: "key_1", status: "4xx", method: "POST", route: "/api/v1/calls/{id}", request_id: " req_abc " })).toEqual({
      key: "key_1",
      status: "4xx",
      method: "POST",
      route: "/api/v1/calls/{id}",
      request_id: "req_abc",
    });
    expect(parseRequestLogFilters({ key: "x'; drop", status: "3xx", method: "TRACE", route: "/etc/passwd", request_id: "abc", before: "soon" })).toEqual({});
    expect(parseRequestLogFilters({ status: ["5xx", "2xx"], method: "" })).toEqual({ status: "5xx" });
  });
});

describe("listRequestLog", () => {
  it("pages newest first through the filtered rows of this account only", async () => {
    const accountId = await account();
    const other = await account();
    const total = REQUEST_LOG_PAGE_SIZE + 5;
    await db.requestLog.createMany({
      data: [
        ...Array.from({ length: total }, (_, index) => row(accountId, index)),
        row(accountId, 0, { status: 404, method: "POST", route: "/api/v1/calls", apiKeyId: "key_b" }),
        row(other, 1),
      ],
    });
    const first = await listRequestLog(accountId, { status: "2xx" });
    expect(first.entries).toHaveLength(REQUEST_LOG_PAGE_SIZE);
    expect(first.entries[0].createdAt.getTime()).toBeGreaterThan(first.entries[1].createdAt.getTime());
    const second = await listRequestLog(accountId, { status: "2xx", before: first.nextBefore! });
    expect(second.entries).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
    expect(new Set([...first.entries, ...second.entries].map((entry) => entry.id)).size).toBe(total);

    const errors = await listRequestLog(accountId, { status: "4xx", method: "POST", route: "/api/v1/calls", key: "key_b" });
    expect(errors.entries.map((entry) => entry.status)).toEqual([404]);
    expect((await listRequestLog(accountId, { status: "5xx" })).entries).toEqual([]);
  });

  it("finds one request by its Request-Id, only in its own account", async () => {
    const accountId = await account();
    const other = await account();
    const wanted = row(accountId, 7, { status: 500, errorCode: "internal_error" });
    await db.requestLog.createMany({ data: [wanted, row(accountId, 8)] });
    const found = await listRequestLog(accountId, { request_id: wanted.id, status: "2xx" });
    expect(found.entries.map((entry) => entry.id)).toEqual([wanted.id]);
    expect((await listRequestLog(other, { request_id: wanted.id })).entries).toEqual([]);
  });
});
