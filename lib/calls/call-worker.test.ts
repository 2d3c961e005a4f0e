import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids/new-id";
import { advanceDueCalls } from "./call-worker";
import { createCall } from "./calls";
import { transcriptSchema } from "./schemas";
import { simulatorProvider } from "./simulator";

// An account with one key, as a call launched through the API has.
async function createAccount() {
  const user = await db.user.create({
    data: {
      email: `${randomUUID()}@example.com`,
      name: "Ada",
      passwordHash: "scrypt$unused",
      apiKeys: { create: { name: "Worker test", hash: randomUUID(), display: "sb_live_test…test" } },
    },
    include: { apiKeys: true },
  });
  return { accountId: user.id, keyId: user.apiKeys[0].id };
}

const findMany = db.call.findMany.bind(db.call);

// Reads the due calls for real, then runs `meanwhile` before the worker sees them.
function readThen(meanwhile: () => Promise<unknown>) {
  return (async (args) => {
    const rows = await findMany(args);
    await meanwhile();
    return rows;
  }) as typeof db.call.findMany;
}

const statusOf = async (id: string) => (await db.call.findUniqueOrThrow({ where: { id } })).status;

// advanceDueCalls looks at every call in the database: start each test with none due.
beforeEach(async () => {
  await db.call.updateMany({ data: { nextActionAt: null } });
});

describe("advanceDueCalls", () => {
  it("leaves calls alone until they are due, then moves each one step", async () => {
    const { accountId, keyId } = await createAccount();
    const call = await createCall(accountId, keyId, { to: "+14155550123" });
    const due = call.nextActionAt!;

    expect(await advanceDueCalls(new Date(due.getTime() - 1))).toBe(0);
    expect(await statusOf(call.id)).toBe("queued");

    expect(await advanceDueCalls(due)).toBe(1);
    const ringing = await db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(ringing).toMatchObject({ status: "ringing", ringingAt: due });
    expect(ringing.nextActionAt!.getTime()).toBe(due.getTime() + 1500);

    // Still due only once: the same instant does not take it further.
    expect(await advanceDueCalls(due)).toBe(0);
    expect(await statusOf(call.id)).toBe("ringing");
  });

  it("takes a call to completed with its transcript and summary", async () => {
    const { accountId, keyId } = await createAccount();
    const call = await createCall(accountId, keyId, { to: "+14155550123", variables: { first_name: "Ada" } });
    let now = call.nextActionAt!;
    for (let step = 0; step < 3; step++) {
      expect(await advanceDueCalls(now)).toBe(1);
      now = (await db.call.findUniqueOrThrow({ where: { id: call.id } })).nextActionAt ?? now;
    }
    const done = await db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(done).toMatchObject({ status: "completed", durationSeconds: 3, nextActionAt: null });
    expect(transcriptSchema.parse(done.transcript)[0].text).toContain("Hi Ada");
    expect(done.summary).toContain("to +14155550123");
    expect(await advanceDueCalls(new Date(now.getTime() + 60_000))).toBe(0);

    // The account has no webhook endpoint: every step's event is stored all the same (for
    // GET /api/v1/events), each carrying the call as it was at that step, and nothing is delivered.
    const events = await db.webhookEvent.findMany({ where: { accountId }, orderBy: { createdAt: "asc" }, include: { deliveries: true } });
    expect(events.map((event) => event.type)).toEqual(["call.queued", "call.ringing", "call.completed"]);
    expect(events.map((event) => JSON.parse(event.payload).data.status)).toEqual(["queued", "ringing", "completed"]);
    expect(events.flatMap((event) => event.deliveries)).toEqual([]);
  });

  it("stores a batch's events together, and delivers them only to the endpoints subscribed", async () => {
    const quiet = await createAccount();
    const hooked = await createAccount();
    await db.webhookEndpoint.create({
      data: { id: newId("we"), accountId: hooked.accountId, url: "https://hooks.example/a", events: ["call.ringing"], secret: "unused" },
    });
    const calls = [
      ...(await Promise.all(Array.from({ length: 3 }, () => createCall(quiet.accountId, quiet.keyId, { to: "+14155550123" })))),
      ...(await Promise.all(Array.from({ length: 2 }, () => createCall(hooked.accountId, hooked.keyId, { to: "+14155550123" })))),
    ];
    const now = new Date(Math.max(...calls.map((call) => call.nextActionAt!.getTime())));
    expect(await advanceDueCalls(now)).toBe(5);
    const ringing = await db.webhookEvent.findMany({ where: { type: "call.ringing", accountId: { in: [quiet.accountId, hooked.accountId] } }, include: { deliveries: true } });
    expect(ringing).toHaveLength(5);
    // One instant for the whole batch: the events were written together.
    expect(new Set(ringing.map((event) => event.createdAt.getTime())).size).toBe(1);
    expect(ringing.filter((event) => event.accountId === quiet.accountId).flatMap((event) => event.deliveries)).toEqual([]);
    expect(ringing.filter((event) => event.accountId === hooked.accountId).map((event) => event.deliveries.length)).toEqual([1, 1]);
  });

  it("never applies a step twice when two workers run at once", async () => {
    const { accountId, keyId } = await createAccount();
    const calls = await Promise.all(Array.from({ length: 10 }, () => createCall(accountId, keyId, { to: "+14155550123" })));
    const now = new Date(Math.max(...calls.map((call) => call.nextActionAt!.getTime())));

    // Both workers read the due calls before either writes: the race the conditional claim is for.
    let arrived = 0;
    let release = () => {};
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const read = vi.spyOn(db.call, "findMany").mockImplementation(
      readThen(() => {
        if (++arrived === 2) release();
        return bothRead;
      }),
    );
    const advance = vi.spyOn(simulatorProvider, "advance");
    try {
      const [first, second] = await Promise.all([advanceDueCalls(now), advanceDueCalls(now)]);
      expect(advance).toHaveBeenCalledTimes(20);
      expect(first + second).toBe(10);
    } finally {
      read.mockRestore();
      advance.mockRestore();
    }
    const rows = await db.call.findMany({ where: { accountId } });
    expect(rows.map((row) => row.status)).toEqual(Array(10).fill("ringing"));
    for (const row of rows) expect(row.ringingAt).toEqual(now);
  });

  it("does not undo a cancel that lands between reading a call and writing its next step", async () => {
    const { accountId, keyId } = await createAccount();
    const call = await createCall(accountId, keyId, { to: "+14155550123" });
    const read = vi
      .spyOn(db.call, "findMany")
      .mockImplementationOnce(readThen(() => db.call.update({ where: { id: call.id }, data: { status: "canceled", nextActionAt: null } })));
    try {
      expect(await advanceDueCalls(call.nextActionAt!)).toBe(0);
    } finally {
      read.mockRestore();
    }
    expect(await statusOf(call.id)).toBe("canceled");
  });

  it("resumes after a restart: a call left in progress long ago completes", async () => {
    const { accountId } = await createAccount();
    const answeredAt = new Date(Date.now() - 60_000);
    const id = newId("call", answeredAt.getTime() - 2500);
    await db.call.create({
      data: {
        id,
        accountId,
        direction: "outbound",
        status: "in_progress",
        to: "+14155550123",
        from: "+14155550100",
        provider: "simulator",
        createdAt: new Date(answeredAt.getTime() - 2500),
        ringingAt: new Date(answeredAt.getTime() - 1500),
        answeredAt,
        nextActionAt: new Date(answeredAt.getTime() + 2500),
      },
    });

    expect(await advanceDueCalls()).toBe(1);
    const done = await db.call.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "completed", nextActionAt: null });
    expect(done.transcript).not.toBeNull();
    expect(done.summary).not.toBeNull();
    expect(done.endedAt!.getTime()).toBeGreaterThan(answeredAt.getTime());
  });

  it("works through a backlog in batches, oldest due first", async () => {
    const { accountId } = await createAccount();
    const base = Date.now() - 3_600_000;
    await db.call.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        id: newId("call", base + i),
        accountId,
        direction: "outbound",
        status: "queued",
        to: "+14155550123",
        from: "+14155550100",
        provider: "simulator",
        createdAt: new Date(base + i),
        nextActionAt: new Date(base + i),
      })),
    });
    const now = new Date();
    expect(await advanceDueCalls(now)).toBe(50);
    const stillQueued = await db.call.findMany({ where: { accountId, status: "queued" }, orderBy: { nextActionAt: "asc" } });
    expect(stillQueued.map((call) => call.nextActionAt!.getTime())).toEqual(Array.from({ length: 10 }, (_, i) => base + 50 + i));
    expect(await advanceDueCalls(now)).toBe(10);
    expect(await db.call.count({ where: { accountId, status: "ringing" } })).toBe(60);
  });

  it("shares each batch fairly: another account's calls move though one account has a large older backlog", async () => {
    const busy = await createAccount();
    const quiet = await createAccount();
    const queued = (accountId: string, at: number) => ({
      id: newId("call", at),
      accountId,
      direction: "outbound" as const,
      status: "queued" as const,
      to: "+14155550123",
      from: "+14155550100",
      provider: "simulator",
      createdAt: new Date(at),
      nextActionAt: new Date(at),
    });
    const base = Date.now() - 3_600_000;
    await db.call.createMany({ data: Array.from({ length: 200 }, (_, i) => queued(busy.accountId, base + i)) });
    await db.call.createMany({ data: Array.from({ length: 3 }, (_, i) => queued(quiet.accountId, Date.now() - 1000 + i)) });

    expect(await advanceDueCalls(new Date())).toBe(28);
    expect(await db.call.count({ where: { accountId: quiet.accountId, status: "ringing" } })).toBe(3);
    expect(await db.call.count({ where: { accountId: busy.accountId, status: "ringing" } })).toBe(25);
  });
});
