import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LimitReachedError } from "@/lib/errors/domain-errors";
import { MAX_LIVE_API_KEYS, ROLL_LIMIT_MESSAGE, createApiKey, listApiKeys, revokeApiKey, rollApiKey, setApiKeyAllowedIps } from "./api-keys";
import { displayApiKey, generateApiKey, parseApiKey } from "./format";
import { hashApiKey } from "./hash";
import { verifyApiKey } from "./verify-api-key";

const ORIGIN = { ip: "203.0.113.7", userAgent: "vitest/4 (api-keys.test)" };
const DAY_MS = 24 * 60 * 60 * 1000;

async function createUser(name = "Ada") {
  return db.user.create({
    data: { email: `${randomUUID()}@example.com`, name, passwordHash: "scrypt$unused" },
  });
}

function auditEvents(accountId: string, action?: string) {
  return db.auditEvent.findMany({ where: { accountId, ...(action ? { action } : {}) }, orderBy: { createdAt: "asc" } });
}

async function insertKeys(accountId: string, count: number) {
  await db.apiKey.createMany({
    data: Array.from({ length: count }, (_, i) => {
      const secret = generateApiKey();
      return { accountId, name: `bulk ${i}`, hash: hashApiKey(secret), display: displayApiKey(secret) };
    }),
  });
}

describe("createApiKey", () => {
  it("returns a well-formed secret and a summary of the stored key", async () => {
    const user = await createUser();
    const before = Date.now();
    const { secret, apiKey } = await createApiKey(user.id, { name: "Zapier", expiration: "never" }, ORIGIN);

    expect(parseApiKey(secret)).toEqual({ ok: true, key: secret });
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: "Zapier",
      display: displayApiKey(secret),
      createdAt: expect.any(Date),
      expiresAt: null,
      lastUsedAt: null,
      access: "full",
      scopes: null,
      rolledToId: null,
      allowedIps: [],
    });
    expect(apiKey.display).toMatch(/^sb_live_[0-9A-Za-z]{4}…[0-9A-Za-z]{4}$/);
    expect(apiKey.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(apiKey.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("stores the SHA-256 hash and a display fragment, never the secret", async () => {
    const user = await createUser();
    const { secret, apiKey } = await createApiKey(user.id, { name: "Make", expiration: "never" }, ORIGIN);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.hash).toBe(hashApiKey(secret));
    expect(row.display).toBe(displayApiKey(secret));
    expect(row.accountId).toBe(user.id);

    // Look at the raw table, so a column added later is covered too.
    const rawRows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "ApiKey" WHERE "id" = ?`, apiKey.id);
    expect(rawRows).toHaveLength(1);
    const randomPart = secret.slice(8, 38);
    for (const [column, value] of Object.entries(rawRows[0])) {
      expect(String(value), column).not.toContain(secret);
      expect(String(value), column).not.toContain(randomPart);
      expect(String(value), column).not.toContain(secret.slice(12, 40));
    }
    const rawAudit = await db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT * FROM "AuditEvent" WHERE "apiKeyId" = ?`,
      apiKey.id,
    );
    for (const event of rawAudit) {
      for (const value of Object.values(event)) expect(String(value)).not.toContain(randomPart);
    }
  });

  it("sets expiresAt from the chosen expiration", async () => {
    const user = await createUser();
    const { apiKey } = await createApiKey(user.id, { name: "Monthly", expiration: "30d" }, ORIGIN);
    expect(apiKey.expiresAt).not.toBeNull();
    expect(apiKey.expiresAt!.getTime() - apiKey.createdAt.getTime()).toBe(30 * DAY_MS);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.expiresAt?.getTime()).toBe(apiKey.expiresAt!.getTime());
  });

  it("writes an api_key.created audit event with the IP and user agent", async () => {
    const user = await createUser();
    const { apiKey } = await createApiKey(user.id, { name: "Audited", expiration: "7d" }, ORIGIN);

    const events = await auditEvents(user.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      accountId: user.id,
      apiKeyId: apiKey.id,
      action: "api_key.created",
      ip: "203.0.113.7",
      userAgent: "vitest/4 (api-keys.test)",
    });
    expect(events[0].createdAt).toBeInstanceOf(Date);
  });

  it("records a missing origin as nulls and caps a huge user agent at 512 characters", async () => {
    const user = await createUser();
    await createApiKey(user.id, { name: "No origin", expiration: "never" }, { ip: null, userAgent: null });
    await createApiKey(user.id, { name: "Long UA", expiration: "never" }, { ip: "::1", userAgent: "u".repeat(5000) });

    const events = await auditEvents(user.id, "api_key.created");
    const byIp = new Map(events.map((event) => [event.ip, event]));
    expect(byIp.get(null)?.userAgent).toBeNull();
    expect(byIp.get("::1")?.userAgent).toBe("u".repeat(512));
  });

  it("allows two keys with the same name, each with its own id and secret", async () => {
    const user = await createUser();
    const first = await createApiKey(user.id, { name: "Same name", expiration: "never" }, ORIGIN);
    const second = await createApiKey(user.id, { name: "Same name", expiration: "never" }, ORIGIN);

    expect(first.apiKey.id).not.toBe(second.apiKey.id);
    expect(first.secret).not.toBe(second.secret);
    const rows = await db.apiKey.findMany({ where: { accountId: user.id, name: "Same name" } });
    expect(rows.map((row) => row.id).sort()).toEqual([first.apiKey.id, second.apiKey.id].sort());
    expect((await verifyApiKey(first.secret)).ok).toBe(true);
    expect((await verifyApiKey(second.secret)).ok).toBe(true);
  });

  it("fails for an unknown user and leaves nothing behind", async () => {
    const before = await db.apiKey.count();
    await expect(
      createApiKey("no-such-user", { name: "Orphan", expiration: "never" }, ORIGIN),
    ).rejects.toThrow();
    expect(await db.apiKey.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { accountId: "no-such-user" } })).toBe(0);
  });
});

describe("listApiKeys", () => {
  it("lists only the owner's live keys, newest first, without secrets or hashes", async () => {
    const owner = await createUser();
    const stranger = await createUser("Stranger");

    const older = await createApiKey(owner.id, { name: "Older", expiration: "never" }, ORIGIN);
    const newer = await createApiKey(owner.id, { name: "Newer", expiration: "90d" }, ORIGIN);
    const revoked = await createApiKey(owner.id, { name: "Revoked", expiration: "never" }, ORIGIN);
    const expired = await createApiKey(owner.id, { name: "Expired", expiration: "7d" }, ORIGIN);
    await createApiKey(stranger.id, { name: "Stranger's", expiration: "never" }, ORIGIN);

    // Distinct creation times so the order is deterministic.
    await db.apiKey.update({ where: { id: older.apiKey.id }, data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    await db.apiKey.update({ where: { id: newer.apiKey.id }, data: { createdAt: new Date("2026-01-02T00:00:00Z") } });
    expect(await revokeApiKey(owner.id, revoked.apiKey.id, ORIGIN)).toBe(true);
    await db.apiKey.update({ where: { id: expired.apiKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const list = await listApiKeys(owner.id);
    expect(list.map((key) => key.name)).toEqual(["Newer", "Older"]);
    expect(list.map((key) => key.id)).toEqual([newer.apiKey.id, older.apiKey.id]);
    for (const key of list) {
      expect(Object.keys(key).sort()).toEqual(["access", "allowedIps", "createdAt", "display", "expiresAt", "id", "lastUsedAt", "name", "rolledToId", "scopes"]);
    }
    expect(list[0].display).toBe(displayApiKey(newer.secret));

    expect((await listApiKeys(stranger.id)).map((key) => key.name)).toEqual(["Stranger's"]);
  });

  it("returns an empty list for a user without keys", async () => {
    const user = await createUser();
    expect(await listApiKeys(user.id)).toEqual([]);
  });

  it("keeps a key whose expiry is still in the future", async () => {
    const user = await createUser();
    const soon = await createApiKey(user.id, { name: "Soon", expiration: "never" }, ORIGIN);
    await db.apiKey.update({ where: { id: soon.apiKey.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await listApiKeys(user.id)).map((key) => key.id)).toEqual([soon.apiKey.id]);
  });
});

describe("revokeApiKey", () => {
  it("does nothing for another user's key, which keeps working", async () => {
    const owner = await createUser();
    const attacker = await createUser("Mallory");
    const { secret, apiKey } = await createApiKey(owner.id, { name: "Target", expiration: "never" }, ORIGIN);

    expect(await revokeApiKey(attacker.id, apiKey.id, ORIGIN)).toBe(false);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.revokedAt).toBeNull();
    const verification = await verifyApiKey(secret);
    expect(verification.ok).toBe(true);
    expect(await auditEvents(attacker.id)).toEqual([]);
    expect(await auditEvents(owner.id, "api_key.revoked")).toEqual([]);
  });

  it("returns false for an id that does not exist", async () => {
    const user = await createUser();
    expect(await revokeApiKey(user.id, "missing-id", ORIGIN)).toBe(false);
    expect(await auditEvents(user.id)).toEqual([]);
  });

  it("revokes the owner's key once, with one api_key.revoked audit event", async () => {
    const user = await createUser();
    const { secret, apiKey } = await createApiKey(user.id, { name: "Doomed", expiration: "never" }, ORIGIN);
    const revokeOrigin = { ip: "198.51.100.4", userAgent: "Mozilla/5.0 revoke" };

    const before = Date.now();
    expect(await revokeApiKey(user.id, apiKey.id, revokeOrigin)).toBe(true);

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(row.revokedAt).toBeInstanceOf(Date);
    expect(row.revokedAt!.getTime()).toBeGreaterThanOrEqual(before);
    expect(await verifyApiKey(secret)).toEqual({ ok: false, reason: "revoked" });

    const revokedEvents = await auditEvents(user.id, "api_key.revoked");
    expect(revokedEvents).toHaveLength(1);
    expect(revokedEvents[0]).toMatchObject({
      accountId: user.id,
      apiKeyId: apiKey.id,
      ip: "198.51.100.4",
      userAgent: "Mozilla/5.0 revoke",
    });

    // Second attempt: nothing left to revoke, no second event, revokedAt unchanged.
    expect(await revokeApiKey(user.id, apiKey.id, revokeOrigin)).toBe(false);
    expect(await auditEvents(user.id, "api_key.revoked")).toHaveLength(1);
    const after = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(after.revokedAt?.getTime()).toBe(row.revokedAt!.getTime());
    // The row stays, so the audit trail still points at something.
    expect(await db.apiKey.count({ where: { id: apiKey.id } })).toBe(1);
  });

  it("does not touch the owner's other keys", async () => {
    const user = await createUser();
    const keep = await createApiKey(user.id, { name: "Keep", expiration: "never" }, ORIGIN);
    const drop = await createApiKey(user.id, { name: "Drop", expiration: "never" }, ORIGIN);
    expect(await revokeApiKey(user.id, drop.apiKey.id, ORIGIN)).toBe(true);
    expect((await verifyApiKey(keep.secret)).ok).toBe(true);
    expect((await listApiKeys(user.id)).map((key) => key.id)).toEqual([keep.apiKey.id]);
  });
});

describe(`the ${MAX_LIVE_API_KEYS}-key limit`, () => {
  it("allows the 100th key and refuses the 101st without creating anything", async () => {
    expect(MAX_LIVE_API_KEYS).toBe(100);
    const user = await createUser();
    await insertKeys(user.id, 99);

    const hundredth = await createApiKey(user.id, { name: "Hundredth", expiration: "never" }, ORIGIN);
    expect(parseApiKey(hundredth.secret).ok).toBe(true);
    expect(await db.apiKey.count({ where: { accountId: user.id } })).toBe(100);

    const attempt = createApiKey(user.id, { name: "One too many", expiration: "never" }, ORIGIN);
    await expect(attempt).rejects.toBeInstanceOf(LimitReachedError);
    await expect(attempt).rejects.toThrow(
      "You already have 100 API keys. Delete one you no longer use to create another.",
    );

    expect(await db.apiKey.count({ where: { accountId: user.id } })).toBe(100);
    expect(await db.apiKey.count({ where: { accountId: user.id, name: "One too many" } })).toBe(0);
    expect(await auditEvents(user.id, "api_key.created")).toHaveLength(1);
  });

  it("lets only one of several concurrent creations take the last slot", async () => {
    const user = await createUser();
    await insertKeys(user.id, 99);
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createApiKey(user.id, { name: `Racer ${i}`, expiration: "never" }, ORIGIN)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(LimitReachedError);
    }
    expect(await db.apiKey.count({ where: { accountId: user.id } })).toBe(100);
    expect(await auditEvents(user.id, "api_key.created")).toHaveLength(1);
  });

  it("does not count revoked keys", async () => {
    const user = await createUser();
    await insertKeys(user.id, 99);
    const last = await createApiKey(user.id, { name: "Last", expiration: "never" }, ORIGIN);
    await expect(createApiKey(user.id, { name: "Blocked", expiration: "never" }, ORIGIN)).rejects.toBeInstanceOf(
      LimitReachedError,
    );

    expect(await revokeApiKey(user.id, last.apiKey.id, ORIGIN)).toBe(true);
    const replacement = await createApiKey(user.id, { name: "Replacement", expiration: "never" }, ORIGIN);
    expect((await verifyApiKey(replacement.secret)).ok).toBe(true);
    expect(await db.apiKey.count({ where: { accountId: user.id } })).toBe(101);
    expect(await db.apiKey.count({ where: { accountId: user.id, revokedAt: null } })).toBe(100);

    // Full again.
    await expect(createApiKey(user.id, { name: "Blocked", expiration: "never" }, ORIGIN)).rejects.toBeInstanceOf(
      LimitReachedError,
    );
  });

  it("does not count expired keys", async () => {
    const user = await createUser();
    await insertKeys(user.id, 100);
    await expect(createApiKey(user.id, { name: "Blocked", expiration: "never" }, ORIGIN)).rejects.toBeInstanceOf(
      LimitReachedError,
    );
    const one = await db.apiKey.findFirstOrThrow({ where: { accountId: user.id } });
    await db.apiKey.update({ where: { id: one.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(createApiKey(user.id, { name: "Fits", expiration: "never" }, ORIGIN)).resolves.toBeDefined();
  });

  it("is per user", async () => {
    const full = await createUser();
    const other = await createUser();
    await insertKeys(full.id, 100);
    await expect(createApiKey(full.id, { name: "Blocked", expiration: "never" }, ORIGIN)).rejects.toBeInstanceOf(
      LimitReachedError,
    );
    await expect(createApiKey(other.id, { name: "Fine", expiration: "never" }, ORIGIN)).resolves.toBeDefined();
  });

  it("counts keys in a roll's grace period: rolling with a grace stops at the limit, rolling Now does not", async () => {
    const user = await createUser();
    await insertKeys(user.id, 98);
    let current = (await createApiKey(user.id, { name: "Rolled", expiration: "never" }, ORIGIN)).apiKey.id;
    const rolled = await rollApiKey(user.id, current, "24h", ORIGIN);
    current = rolled!.apiKey.id;
    expect(await listApiKeys(user.id)).toHaveLength(100);

    const refused = rollApiKey(user.id, current, "24h", ORIGIN);
    await expect(refused).rejects.toBeInstanceOf(LimitReachedError);
    await expect(refused).rejects.toThrow(ROLL_LIMIT_MESSAGE);
    expect(await listApiKeys(user.id)).toHaveLength(100);
    expect(await auditEvents(user.id, "api_key.rolled")).toHaveLength(1);

    const now = await rollApiKey(user.id, current, "now", ORIGIN);
    expect(now).not.toBeNull();
    expect(await listApiKeys(user.id)).toHaveLength(100);
  });
});

describe("IP allowlists", () => {
  it("stores the list given at creation, lists it, and carries it through a roll", async () => {
    const user = await createUser();
    const { secret, apiKey } = await createApiKey(user.id, { name: "Office", expiration: "never", allowedIps: ["203.0.113.0/24", "2001:db8::1"] }, ORIGIN);
    expect(apiKey.allowedIps).toEqual(["203.0.113.0/24", "2001:db8::1"]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).allowedIps).toEqual(["203.0.113.0/24", "2001:db8::1"]);
    expect((await listApiKeys(user.id))[0].allowedIps).toEqual(["203.0.113.0/24", "2001:db8::1"]);

    const rolled = await rollApiKey(user.id, apiKey.id, "now", ORIGIN);
    expect(rolled?.apiKey.allowedIps).toEqual(["203.0.113.0/24", "2001:db8::1"]);
    const verified = await verifyApiKey(rolled!.secret);
    if (!verified.ok) throw new Error(`not verified: ${verified.reason}`);
    expect(verified.apiKey.allowlist.allows("203.0.113.200")).toBe(true);
    expect(verified.apiKey.allowlist.allows("198.51.100.1")).toBe(false);
    expect((await verifyApiKey(secret)).ok).toBe(false);
  });

  it("stores no list as NULL", async () => {
    const user = await createUser();
    const { apiKey } = await createApiKey(user.id, { name: "Anywhere", expiration: "never", allowedIps: [] }, ORIGIN);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).allowedIps).toBeNull();
  });

  it("changes the list of the owner's live key with one audit event holding before and after", async () => {
    const user = await createUser();
    const { secret, apiKey } = await createApiKey(user.id, { name: "Office", expiration: "never", allowedIps: ["203.0.113.7"] }, ORIGIN);
    expect(await setApiKeyAllowedIps(user.id, apiKey.id, ["198.51.100.0/24"], ORIGIN)).toBe(true);

    const verified = await verifyApiKey(secret);
    if (!verified.ok) throw new Error(`not verified: ${verified.reason}`);
    expect(verified.apiKey.allowedIps).toEqual(["198.51.100.0/24"]);
    expect(verified.apiKey.allowlist.allows("203.0.113.7")).toBe(false);
    const [event] = await auditEvents(user.id, "api_key.allowlist_changed");
    expect(event).toMatchObject({ apiKeyId: apiKey.id, actor: "user", ip: ORIGIN.ip, userAgent: ORIGIN.userAgent });
    expect(JSON.parse(event.detail ?? "null")).toEqual({ before: ["203.0.113.7"], after: ["198.51.100.0/24"] });

    expect(await setApiKeyAllowedIps(user.id, apiKey.id, [], ORIGIN)).toBe(true);
    expect((await listApiKeys(user.id))[0].allowedIps).toEqual([]);
    expect(await auditEvents(user.id, "api_key.allowlist_changed")).toHaveLength(2);
  });

  it("leaves another account's key and a deleted key alone", async () => {
    const owner = await createUser();
    const stranger = await createUser("Mallory");
    const { apiKey } = await createApiKey(owner.id, { name: "Office", expiration: "never" }, ORIGIN);
    expect(await setApiKeyAllowedIps(stranger.id, apiKey.id, ["203.0.113.7"], ORIGIN)).toBe(false);
    expect((await listApiKeys(owner.id))[0].allowedIps).toEqual([]);
    await revokeApiKey(owner.id, apiKey.id, ORIGIN);
    expect(await setApiKeyAllowedIps(owner.id, apiKey.id, ["203.0.113.7"], ORIGIN)).toBe(false);
    expect(await auditEvents(owner.id, "api_key.allowlist_changed")).toHaveLength(0);
    expect(await auditEvents(stranger.id)).toHaveLength(0);
  });
});
