import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiKey } from "./api-keys";
import { needsLastUsedWrite, recordApiKeyUse } from "./record-api-key-use";
import { verifyApiKey } from "./verify-api-key";

const NOW = new Date("2030-03-01T09:00:00.000Z");
const ago = (ms: number, from = NOW) => new Date(from.getTime() - ms);
const later = (ms: number, from = NOW) => new Date(from.getTime() + ms);

async function newKey() {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@example.com`, name: "User", passwordHash: "scrypt$unused" },
  });
  const { apiKey, secret } = await createApiKey(user.id, { name: "key", expiration: "never" }, { ip: null, userAgent: null });
  return { id: apiKey.id, secret };
}

async function storedLastUsedAt(id: string) {
  return (await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;
}

describe("needsLastUsedWrite", () => {
  it("skips the write when the key was used less than a minute ago", () => {
    const id = randomUUID();
    expect(needsLastUsedWrite(id, ago(0), NOW)).toBe(false);
    expect(needsLastUsedWrite(id, ago(1_000), NOW)).toBe(false);
    expect(needsLastUsedWrite(id, ago(59_999), NOW)).toBe(false);
  });

  it("asks for a write when the key was never used or used a minute or more ago", () => {
    const id = randomUUID();
    expect(needsLastUsedWrite(id, null, NOW)).toBe(true);
    expect(needsLastUsedWrite(id, ago(60_000), NOW)).toBe(true);
    expect(needsLastUsedWrite(id, ago(10 * 60_000), NOW)).toBe(true);
  });

  it("remembers this process's own recent write, before the database reflects it", async () => {
    const id = randomUUID();
    // The row does not exist, so the database never changes; only the memo can answer.
    await recordApiKeyUse(id, NOW);
    expect(needsLastUsedWrite(id, null, later(1))).toBe(false);
    expect(needsLastUsedWrite(id, null, later(59_999))).toBe(false);
    expect(needsLastUsedWrite(id, null, later(60_000))).toBe(true);
    // The memo is per key.
    expect(needsLastUsedWrite(randomUUID(), null, later(1))).toBe(true);
  });
});

describe("recordApiKeyUse", () => {
  it("writes lastUsedAt for a key never used before", async () => {
    const { id, secret } = await newKey();
    expect(await storedLastUsedAt(id)).toBeNull();

    await recordApiKeyUse(id, NOW);

    expect((await storedLastUsedAt(id))?.toISOString()).toBe(NOW.toISOString());
    const verified = await verifyApiKey(secret);
    expect(verified.ok && verified.apiKey.lastUsedAt?.toISOString()).toBe(NOW.toISOString());
  });

  it("does not move lastUsedAt again within the minute, and does after it", async () => {
    const { id } = await newKey();
    await recordApiKeyUse(id, NOW);
    await recordApiKeyUse(id, later(30_000));
    expect((await storedLastUsedAt(id))?.toISOString()).toBe(NOW.toISOString());

    await recordApiKeyUse(id, later(60_001));
    expect((await storedLastUsedAt(id))?.toISOString()).toBe(later(60_001).toISOString());
  });

  it("leaves a recent lastUsedAt written elsewhere alone (the conditional update, not the memo)", async () => {
    const { id } = await newKey();
    // As if another instance recorded a use 10 seconds ago; this process has no memo for the key.
    await db.apiKey.update({ where: { id }, data: { lastUsedAt: ago(10_000) } });

    await recordApiKeyUse(id, NOW);

    expect((await storedLastUsedAt(id))?.toISOString()).toBe(ago(10_000).toISOString());
  });

  it("overwrites a lastUsedAt older than a minute", async () => {
    const { id } = await newKey();
    await db.apiKey.update({ where: { id }, data: { lastUsedAt: ago(5 * 60_000) } });

    await recordApiKeyUse(id, NOW);

    expect((await storedLastUsedAt(id))?.toISOString()).toBe(NOW.toISOString());
  });

  it("only touches the key it was given", async () => {
    const used = await newKey();
    const untouched = await newKey();
    await recordApiKeyUse(used.id, NOW);
    expect(await storedLastUsedAt(untouched.id)).toBeNull();
  });
});
