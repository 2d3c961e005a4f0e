import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attentionLabel, keyAttention } from "./key-attention";
import { findOwnApiKey, keysNeedingAttention } from "./key-queries";

const NOW = new Date("2030-03-10T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const key = (dates: { createdAt?: Date; expiresAt?: Date | null; lastUsedAt?: Date | null; rolledToId?: string | null }) => ({
  createdAt: at(-10),
  expiresAt: null,
  lastUsedAt: null,
  rolledToId: null,
  ...dates,
});
const labels = (dates: Parameters<typeof key>[0]) => keyAttention(key(dates), NOW).map(attentionLabel);

describe("keyAttention", () => {
  it("warns within 7 days of expiry, in whole days rounded up", () => {
    expect(labels({ expiresAt: at(3) })).toEqual(["expires in 3 days"]);
    expect(labels({ expiresAt: at(2.2) })).toEqual(["expires in 3 days"]);
    expect(labels({ expiresAt: at(0.1) })).toEqual(["expires in 1 day"]);
    expect(labels({ expiresAt: at(7) })).toEqual(["expires in 7 days"]);
    expect(labels({ expiresAt: at(7.01) })).toEqual([]);
    expect(labels({ expiresAt: at(-0.01) })).toEqual(["expired"]);
  });

  it("leaves a rolled key's grace period alone", () => {
    expect(labels({ expiresAt: at(0.5), rolledToId: "new" })).toEqual([]);
  });

  it("calls a key stale after 90 days without use, counting from creation when it was never used", () => {
    expect(labels({ lastUsedAt: at(-91) })).toEqual(["unused for 90 days"]);
    expect(labels({ lastUsedAt: at(-89), createdAt: at(-200) })).toEqual([]);
    expect(labels({ createdAt: at(-91) })).toEqual(["unused for 90 days"]);
    expect(labels({ createdAt: at(-89) })).toEqual([]);
    expect(labels({ createdAt: at(-100), expiresAt: at(2) })).toEqual(["expires in 2 days", "unused for 90 days"]);
  });
});

describe("keysNeedingAttention and findOwnApiKey", () => {
  it("lists the account's working keys that expire within a week or went unused, and nothing of other accounts", async () => {
    const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "User", passwordHash: "scrypt$unused" } });
    const other = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Other", passwordHash: "scrypt$unused" } });
    const make = (accountId: string, name: string, dates: Parameters<typeof key>[0] & { revokedAt?: Date }) =>
      db.apiKey.create({ data: { accountId, name, hash: randomUUID(), display: `sb_live_${name}`, ...key(dates) } });
    const expiring = await make(user.id, "expiring", { expiresAt: at(3) });
    const stale = await make(user.id, "stale", { createdAt: at(-120), lastUsedAt: at(-100) });
    await make(user.id, "fine", { expiresAt: at(30), lastUsedAt: at(-1) });
    await make(user.id, "expired", { expiresAt: at(-1) });
    await make(user.id, "revoked", { expiresAt: at(2), revokedAt: at(-1) });
    await make(user.id, "rolled", { expiresAt: at(0.5), rolledToId: "new", lastUsedAt: at(-1) });
    await make(other.id, "theirs", { expiresAt: at(1) });

    const found = await keysNeedingAttention(user.id, NOW);
    expect(found.map((k) => [k.name, k.attention.map(attentionLabel)])).toEqual([
      ["expiring", ["expires in 3 days"]],
      ["stale", ["unused for 90 days"]],
    ]);

    expect(await findOwnApiKey(user.id, expiring.id)).toMatchObject({ id: expiring.id, name: "expiring", lastUsedIp: null });
    expect(await findOwnApiKey(other.id, stale.id)).toBeNull();
  });
});
