import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createApiKey, revokeApiKey } from "./api-keys";
import { displayApiKey, generateApiKey } from "./format";
import { keyStore } from "./find-key-by-hash";
import { verifyApiKey } from "./verify-api-key";

const ORIGIN = { ip: "203.0.113.9", userAgent: "vitest" };
const KNOWN_KEY = "sb_live_abcdefghijklmnopqrstuvwxyzABCD3T3yyu";

async function createUserWithKey(expiration: "never" | "7d" = "never") {
  const user = await db.user.create({
    data: { email: `${randomUUID()}@example.com`, name: "Grace Hopper", passwordHash: "scrypt$unused" },
  });
  const { secret, apiKey } = await createApiKey(user.id, { name: "CI", expiration }, ORIGIN);
  return { user, secret, apiKey };
}

describe("verifyApiKey", () => {
  it("accepts a live key and returns the key and its owner", async () => {
    const { user, secret, apiKey } = await createUserWithKey();
    const result = await verifyApiKey(secret);
    expect(result).toEqual({
      ok: true,
      apiKey: {
        id: apiKey.id,
        name: "CI",
        display: displayApiKey(secret),
        createdAt: apiKey.createdAt,
        expiresAt: null,
        lastUsedAt: null,
        access: "full",
        scopes: null,
        rolledToId: null,
        allowedIps: [],
        allowlist: expect.objectContaining({ entries: [] }),
        user: { id: user.id, email: user.email, name: "Grace Hopper" },
      },
    });
    // Nothing sensitive leaks into the request context.
    if (!result.ok) throw new Error("unreachable");
    expect(result.apiKey).not.toHaveProperty("revokedAt");
    expect(result.apiKey).not.toHaveProperty("hash");
    expect(result.apiKey.user).not.toHaveProperty("passwordHash");
  });

  it("accepts a key that expires later, and reports its expiry", async () => {
    const { secret, apiKey } = await createUserWithKey("7d");
    const result = await verifyApiKey(secret);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.apiKey.expiresAt?.getTime()).toBe(apiKey.expiresAt!.getTime());
  });

  it.each([
    ["prefix", `sb_test_${KNOWN_KEY.slice(8)}`],
    ["prefix", ""],
    ["length", KNOWN_KEY.slice(0, -1)],
    ["length", `${KNOWN_KEY}x`],
    ["characters", `${KNOWN_KEY.slice(0, 20)}-${KNOWN_KEY.slice(21)}`],
    ["characters", `${KNOWN_KEY.slice(0, 20)} ${KNOWN_KEY.slice(21)}`],
    ["checksum", `${KNOWN_KEY.slice(0, 20)}X${KNOWN_KEY.slice(21)}`],
    ["checksum", `${KNOWN_KEY.slice(0, -1)}v`],
  ])("rejects a malformed key with reason %s, without a database lookup", async (reason, candidate) => {
    const lookup = vi.spyOn(keyStore, "findByHash");
    try {
      expect(await verifyApiKey(candidate)).toEqual({ ok: false, reason });
      expect(lookup).not.toHaveBeenCalled();
    } finally {
      lookup.mockRestore();
    }
  });

  it("rejects a mistyped copy of a real key as a checksum problem, not as unknown", async () => {
    const { secret } = await createUserWithKey();
    const index = 25;
    const typo = secret.slice(0, index) + (secret[index] === "a" ? "b" : "a") + secret.slice(index + 1);
    expect(await verifyApiKey(typo)).toEqual({ ok: false, reason: "checksum" });
  });

  it("reports a well-formed key that was never issued as unknown", async () => {
    await createUserWithKey();
    const lookup = vi.spyOn(keyStore, "findByHash");
    try {
      expect(await verifyApiKey(generateApiKey())).toEqual({ ok: false, reason: "unknown" });
      expect(lookup).toHaveBeenCalledTimes(1);
    } finally {
      lookup.mockRestore();
    }
    expect(await verifyApiKey(KNOWN_KEY)).toEqual({ ok: false, reason: "unknown" });
  });

  it("reports a revoked key as revoked on the very next call", async () => {
    const { user, secret, apiKey } = await createUserWithKey();
    expect((await verifyApiKey(secret)).ok).toBe(true);
    await revokeApiKey(user.id, apiKey.id, ORIGIN);
    expect(await verifyApiKey(secret)).toEqual({ ok: false, reason: "revoked" });
  });

  it("reports a key that is both revoked and expired as revoked", async () => {
    const { user, secret, apiKey } = await createUserWithKey();
    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await revokeApiKey(user.id, apiKey.id, ORIGIN);
    expect(await verifyApiKey(secret)).toEqual({ ok: false, reason: "revoked" });
  });

  it("reports a key past its expiry as expired", async () => {
    const { secret, apiKey } = await createUserWithKey("7d");
    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifyApiKey(secret)).toEqual({ ok: false, reason: "expired" });
  });

  it("treats the expiry instant itself as expired, using the given now", async () => {
    const { secret, apiKey } = await createUserWithKey();
    const expiresAt = new Date("2030-06-01T12:00:00.500Z");
    await db.apiKey.update({ where: { id: apiKey.id }, data: { expiresAt } });
    // The stored value keeps millisecond precision, so the boundary below is exact.
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).expiresAt?.toISOString()).toBe(
      expiresAt.toISOString(),
    );

    const at = (offsetMs: number) => new Date(expiresAt.getTime() + offsetMs);
    expect((await verifyApiKey(secret, at(-86_400_000))).ok).toBe(true);
    expect((await verifyApiKey(secret, at(-1))).ok).toBe(true);
    expect(await verifyApiKey(secret, at(0))).toEqual({ ok: false, reason: "expired" });
    expect(await verifyApiKey(secret, at(1))).toEqual({ ok: false, reason: "expired" });
    // Without an explicit now it uses the real clock, which is before 2030.
    expect((await verifyApiKey(secret)).ok).toBe(true);
  });

  it("keeps working for keys without expiry whatever now is", async () => {
    const { secret } = await createUserWithKey();
    expect((await verifyApiKey(secret, new Date("2999-01-01T00:00:00Z"))).ok).toBe(true);
  });
});
