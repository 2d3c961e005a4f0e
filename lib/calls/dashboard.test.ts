import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids/new-id";
import { CALLS_PAGE_SIZE, getDashboardCall, isEnded, listDashboardCalls } from "./dashboard";

const ORIGIN = { ip: null, userAgent: "vitest (dashboard.test)" };

async function createUser() {
  return db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
}

// Calls one second apart, oldest first, so their ids sort in creation order.
async function insertCalls(accountId: string, count: number, extra: { apiKeyId?: string; transcript?: Prisma.InputJsonValue } = {}) {
  const start = Date.now() - count * 1000;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(start + i * 1000);
    const call = await db.call.create({
      data: {
        id: newId("call", createdAt.getTime()),
        accountId,
        direction: extra.apiKeyId ? "outbound" : "inbound",
        status: "completed",
        to: `+1415555${String(1000 + i)}`,
        from: "+14155550100",
        provider: "simulator",
        createdAt,
        ...extra,
      },
    });
    ids.push(call.id);
  }
  return ids;
}

describe("listDashboardCalls", () => {
  it("pages newest first, forwards and back, with cursors only where there is more", async () => {
    const user = await createUser();
    const ids = (await insertCalls(user.id, CALLS_PAGE_SIZE * 2 + 1)).reverse();

    const first = await listDashboardCalls(user.id);
    expect(first.calls.map((c) => c.id)).toEqual(ids.slice(0, CALLS_PAGE_SIZE));
    expect(first.previousEndingBefore).toBeNull();
    expect(first.nextStartingAfter).toBe(ids[CALLS_PAGE_SIZE - 1]);

    const second = await listDashboardCalls(user.id, { startingAfter: first.nextStartingAfter! });
    expect(second.calls.map((c) => c.id)).toEqual(ids.slice(CALLS_PAGE_SIZE, CALLS_PAGE_SIZE * 2));
    expect(second.previousEndingBefore).toBe(ids[CALLS_PAGE_SIZE]);

    const last = await listDashboardCalls(user.id, { startingAfter: second.nextStartingAfter! });
    expect(last.calls.map((c) => c.id)).toEqual(ids.slice(CALLS_PAGE_SIZE * 2));
    expect(last.nextStartingAfter).toBeNull();

    const back = await listDashboardCalls(user.id, { endingBefore: last.previousEndingBefore! });
    expect(back.calls.map((c) => c.id)).toEqual(second.calls.map((c) => c.id));
    const front = await listDashboardCalls(user.id, { endingBefore: back.previousEndingBefore! });
    expect(front).toEqual(first);
  });

  it("shows only the owner's calls and ignores a cursor that is not a call id", async () => {
    const owner = await createUser();
    const other = await createUser();
    const [mine] = await insertCalls(owner.id, 1);
    await insertCalls(other.id, 2);

    const page = await listDashboardCalls(owner.id, { startingAfter: "call_'; DROP TABLE" });
    expect(page.calls.map((c) => c.id)).toEqual([mine]);
    expect(page).toMatchObject({ previousEndingBefore: null, nextStartingAfter: null });
  });

  it("names the key that launched a call; inbound calls have none", async () => {
    const user = await createUser();
    const { apiKey } = await createApiKey(user.id, { name: "Zapier", expiration: "never" }, ORIGIN);
    await insertCalls(user.id, 1, { apiKeyId: apiKey.id });
    await insertCalls(user.id, 1);

    const { calls } = await listDashboardCalls(user.id);
    expect(calls.map((c) => c.apiKey)).toEqual([null, { name: "Zapier", display: apiKey.display }]);
  });
});

describe("listDashboardCalls with filters", () => {
  async function insertCall(accountId: string, at: Date, fields: { status?: "completed" | "failed"; direction?: "outbound" | "inbound"; contactId?: string } = {}) {
    const call = await db.call.create({
      data: { id: newId("call", at.getTime()), accountId, direction: "outbound", status: "completed", to: "+14155550123", from: "+14155550100", provider: "simulator", createdAt: at, ...fields },
    });
    return call.id;
  }

  it("filters by status, direction and whole UTC days, and pages within the filter", async () => {
    const user = await createUser();
    const before = await insertCall(user.id, new Date("2026-10-31T23:59:59.999Z"), { status: "failed" });
    const first = await insertCall(user.id, new Date("2026-11-01T00:00:00.000Z"), { status: "failed" });
    const inbound = await insertCall(user.id, new Date("2026-11-01T12:00:00.000Z"), { status: "failed", direction: "inbound" });
    const completed = await insertCall(user.id, new Date("2026-11-02T08:00:00.000Z"));
    const last = await insertCall(user.id, new Date("2026-11-02T23:59:59.999Z"), { status: "failed" });
    const after = await insertCall(user.id, new Date("2026-11-03T00:00:00.000Z"), { status: "failed" });

    const ids = async (filters: Parameters<typeof listDashboardCalls>[2]) => (await listDashboardCalls(user.id, {}, filters)).calls.map((call) => call.id);
    expect(await ids({ from: "2026-11-01", to: "2026-11-02" })).toEqual([last, completed, inbound, first]);
    expect(await ids({ status: "failed", from: "2026-11-01", to: "2026-11-02" })).toEqual([last, inbound, first]);
    expect(await ids({ status: "failed", direction: "outbound", from: "2026-11-01" })).toEqual([after, last, first]);
    expect(await ids({ to: "2026-10-31" })).toEqual([before]);
    expect(await ids({ status: "completed", direction: "inbound" })).toEqual([]);
  });

  it("pages forwards and back through the calls a filter matches only", async () => {
    const user = await createUser();
    const start = Date.now() - 100_000;
    const failed: string[] = [];
    for (let i = 0; i < CALLS_PAGE_SIZE + 2; i++) {
      failed.push(await insertCall(user.id, new Date(start + i * 2000), { status: "failed" }));
      await insertCall(user.id, new Date(start + i * 2000 + 1000));
    }
    failed.reverse();

    const firstPage = await listDashboardCalls(user.id, {}, { status: "failed" });
    expect(firstPage.calls.map((call) => call.id)).toEqual(failed.slice(0, CALLS_PAGE_SIZE));
    const second = await listDashboardCalls(user.id, { startingAfter: firstPage.nextStartingAfter! }, { status: "failed" });
    expect(second.calls.map((call) => call.id)).toEqual(failed.slice(CALLS_PAGE_SIZE));
    expect(second.nextStartingAfter).toBeNull();
    const back = await listDashboardCalls(user.id, { endingBefore: second.previousEndingBefore! }, { status: "failed" });
    expect(back).toEqual(firstPage);
  });

  it("names each call's contact, and none for a deleted or another account's contact", async () => {
    const user = await createUser();
    const other = await createUser();
    const ada = await db.contact.create({ data: { id: newId("contact"), accountId: user.id, firstName: "Ada", lastName: "Lovelace" } });
    const foreign = await db.contact.create({ data: { id: newId("contact"), accountId: other.id, firstName: "Mallory" } });
    const now = Date.now();
    const withAda = await insertCall(user.id, new Date(now - 3000), { contactId: ada.id });
    await insertCall(user.id, new Date(now - 2000), { contactId: foreign.id });
    await insertCall(user.id, new Date(now - 1000));

    const { calls } = await listDashboardCalls(user.id);
    expect(calls.map((call) => [call.contactId, call.contact?.firstName ?? null])).toEqual([
      [null, null],
      [foreign.id, null],
      [ada.id, "Ada"],
    ]);
    expect((await getDashboardCall(user.id, withAda))?.contact).toMatchObject({ id: ada.id, lastName: "Lovelace" });
  });
});

describe("getDashboardCall", () => {
  it("returns the call with its transcript, variables and metadata parsed", async () => {
    const user = await createUser();
    const transcript = [{ speaker: "agent", text: "Hi Ada" }];
    const [id] = await insertCalls(user.id, 1, { transcript });
    await db.call.update({ where: { id }, data: { variables: { first_name: "Ada" }, metadata: { crm: "42" } } });

    expect(await getDashboardCall(user.id, id)).toMatchObject({
      id,
      status: "completed",
      transcript,
      variables: { first_name: "Ada" },
      metadata: { crm: "42" },
      apiKey: null,
    });
  });

  it("treats another account's call, a malformed id and a damaged transcript safely", async () => {
    const owner = await createUser();
    const intruder = await createUser();
    const [id] = await insertCalls(owner.id, 1, { transcript: { not: "a transcript" } });

    expect(await getDashboardCall(intruder.id, id)).toBeNull();
    expect(await getDashboardCall(owner.id, "../../etc")).toBeNull();
    expect((await getDashboardCall(owner.id, id))?.transcript).toEqual([]);
  });
});

describe("isEnded", () => {
  it("is true only for final statuses", () => {
    expect((["queued", "ringing", "in_progress"] as const).map(isEnded)).toEqual([false, false, false]);
    expect((["completed", "no_answer", "failed", "canceled"] as const).map(isEnded)).toEqual([true, true, true, true]);
  });
});
