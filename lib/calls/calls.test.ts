import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-errors";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids/new-id";
import { cancelCall, createCall, defaultCallerId, getCall, listCalls } from "./calls";
import type { CallStatus } from "./schemas";
import { serializeCall } from "./serialize-call";

async function createAccount(name = "Ada") {
  const user = await db.user.create({
    data: {
      email: `${randomUUID()}@example.com`,
      name,
      passwordHash: "scrypt$unused",
      apiKeys: { create: { name: "Calls test", hash: randomUUID(), display: "sb_live_test…test" } },
    },
    include: { apiKeys: true },
  });
  return { accountId: user.id, keyId: user.apiKeys[0].id };
}

async function createContact(accountId: string) {
  return db.contact.create({ data: { id: newId("contact"), accountId, phone: "+14155550123", firstName: "Ada" } });
}

async function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => new Error("expected a DomainError"),
    (reason: unknown) => reason,
  );
  if (!(error instanceof DomainError)) throw error;
  return error;
}

const TO = "+14155550123";

describe("createCall", () => {
  it("queues an outbound call for the simulator with the given fields", async () => {
    const { accountId, keyId } = await createAccount();
    const contact = await createContact(accountId);
    const call = await createCall(accountId, keyId, {
      to: TO,
      from: "+14155550111",
      agent: "Booking assistant",
      contact_id: contact.id,
      variables: { first_name: "Ada" },
      metadata: { order: "42" },
    });
    expect(call).toMatchObject({
      accountId,
      apiKeyId: keyId,
      direction: "outbound",
      status: "queued",
      to: TO,
      from: "+14155550111",
      agent: "Booking assistant",
      contactId: contact.id,
      provider: "simulator",
    });
    expect(call.id).toMatch(/^call_[0-9a-z]{25}$/);
    expect(call.nextActionAt!.getTime()).toBe(call.createdAt.getTime() + 1000);
    expect(serializeCall(call)).toMatchObject({ variables: { first_name: "Ada" }, metadata: { order: "42" } });
  });

  it("calls from the default number with empty maps when none are given", async () => {
    const { accountId, keyId } = await createAccount();
    const call = await createCall(accountId, keyId, { to: TO });
    expect(call).toMatchObject({ from: defaultCallerId(), agent: null, contactId: null, variables: {}, metadata: {} });
  });

  it("refuses another account's contact as if it did not exist, and creates nothing", async () => {
    const { accountId, keyId } = await createAccount();
    const stranger = await createAccount("Mallory");
    const theirs = await createContact(stranger.accountId);
    for (const contactId of [theirs.id, newId("contact")]) {
      const error = await domainErrorOf(createCall(accountId, keyId, { to: TO, contact_id: contactId }));
      expect(error).toMatchObject({ kind: "invalid_input", code: "resource_missing", field: "contact_id" });
      expect(error.message).toBe(`contact_id: no contact "${contactId}" in this account.`);
    }
    expect(await db.call.count({ where: { accountId } })).toBe(0);
  });
});

describe("listCalls", () => {
  it("lists only the account's calls, newest first, filtered by status and direction", async () => {
    const { accountId, keyId } = await createAccount();
    const stranger = await createAccount("Mallory");
    await createCall(stranger.accountId, stranger.keyId, { to: TO });
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await createCall(accountId, keyId, { to: TO }));
    await db.call.update({ where: { id: created[1].id }, data: { status: "completed", nextActionAt: null } });

    // Newest first by id; calls made in the same millisecond keep a stable, not a creation, order.
    const all = await listCalls(accountId, { limit: 20 });
    expect(all.map((call) => call.id)).toEqual(created.map((call) => call.id).sort().reverse());
    expect((await listCalls(accountId, { limit: 20, status: "completed" })).map((call) => call.id)).toEqual([created[1].id]);
    expect(await listCalls(accountId, { limit: 20, direction: "inbound" })).toEqual([]);
    expect(await listCalls(accountId, { limit: 20, direction: "outbound", status: "queued" })).toHaveLength(2);
  });

  it("pages with limit + 1 rows and continues after starting_after", async () => {
    const { accountId, keyId } = await createAccount();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await createCall(accountId, keyId, { to: TO })).id);
    const newestFirst = [...ids].sort().reverse();

    const first = await listCalls(accountId, { limit: 2 });
    expect(first.map((call) => call.id)).toEqual(newestFirst.slice(0, 3));
    const second = await listCalls(accountId, { limit: 2, starting_after: newestFirst[1] });
    expect(second.map((call) => call.id)).toEqual(newestFirst.slice(2, 5));
    const last = await listCalls(accountId, { limit: 2, starting_after: newestFirst[3] });
    expect(last.map((call) => call.id)).toEqual(newestFirst.slice(4));
  });
});

describe("getCall", () => {
  it("finds the account's call and answers 404 for a missing or another account's call", async () => {
    const { accountId, keyId } = await createAccount();
    const stranger = await createAccount("Mallory");
    const mine = await createCall(accountId, keyId, { to: TO });
    const theirs = await createCall(stranger.accountId, stranger.keyId, { to: TO });

    expect((await getCall(accountId, mine.id)).id).toBe(mine.id);
    const foreign = await domainErrorOf(getCall(accountId, theirs.id));
    const missing = await domainErrorOf(getCall(accountId, newId("call")));
    for (const error of [foreign, missing]) {
      expect(error).toMatchObject({ kind: "not_found", code: "resource_missing", field: "id" });
    }
    expect(foreign.message).toBe(`No call "${theirs.id}" in this account.`);
  });
});

describe("cancelCall", () => {
  it.each(["queued", "ringing"] as const)("cancels a %s call and stops the simulator", async (status) => {
    const { accountId, keyId } = await createAccount();
    const call = await createCall(accountId, keyId, { to: TO });
    await db.call.update({ where: { id: call.id }, data: { status } });
    const before = Date.now();

    const canceled = await cancelCall(accountId, call.id);
    expect(canceled).toMatchObject({ id: call.id, status: "canceled", durationSeconds: 0, nextActionAt: null });
    expect(canceled.endedAt!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it.each(["in_progress", "completed", "no_answer", "failed", "canceled"] as CallStatus[])(
    "refuses to cancel a %s call as a conflict and changes nothing",
    async (status) => {
      const { accountId, keyId } = await createAccount();
      const call = await createCall(accountId, keyId, { to: TO });
      const stored = await db.call.update({ where: { id: call.id }, data: { status } });

      const error = await domainErrorOf(cancelCall(accountId, call.id));
      expect(error).toMatchObject({ kind: "conflict", code: "call_not_cancelable" });
      expect(error.message).toBe(`The call is ${status}; only queued or ringing calls can be canceled.`);
      expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toEqual(stored);
    },
  );

  it("answers not found for another account's call and leaves it running", async () => {
    const { accountId } = await createAccount();
    const stranger = await createAccount("Mallory");
    const theirs = await createCall(stranger.accountId, stranger.keyId, { to: TO });

    expect(await domainErrorOf(cancelCall(accountId, theirs.id))).toMatchObject({ kind: "not_found" });
    expect((await db.call.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("queued");
  });
});
