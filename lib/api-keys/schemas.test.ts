import { describe, expect, it } from "vitest";
import { API_KEY_EXPIRATIONS, apiKeyIdSchema, createApiKeySchema, expiresAtFor } from "./schemas";

const DAY_MS = 24 * 60 * 60 * 1000;

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("createApiKeySchema", () => {
  it("trims the name, keeps the expiration and defaults to full access", () => {
    expect(createApiKeySchema.parse({ name: "  Zapier production \n", expiration: "30d" })).toEqual({
      name: "Zapier production",
      expiration: "30d",
      access: "full",
      calls: "none",
      contacts: "none",
      routing: "none",
      webhooks: "none",
      allowedIps: [],
    });
  });

  it.each([
    ["empty", ""],
    ["whitespace only", "   \t\n "],
    ["missing", undefined],
    ["not a string", 42],
  ])("rejects a %s name with a human message", (_label, name) => {
    const result = createApiKeySchema.safeParse({ name, expiration: "never" });
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([["name", "Give the key a name."]]);
  });

  it("accepts 64 characters and rejects 65", () => {
    expect(createApiKeySchema.parse({ name: "a".repeat(64), expiration: "never" }).name).toBe("a".repeat(64));
    const result = createApiKeySchema.safeParse({ name: "a".repeat(65), expiration: "never" });
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([["name", "Names can be at most 64 characters."]]);
  });

  it("measures the length after trimming", () => {
    const padded = `   ${"b".repeat(64)}   `;
    expect(createApiKeySchema.parse({ name: padded, expiration: "7d" }).name).toBe("b".repeat(64));
  });

  it("accepts every listed expiration", () => {
    for (const expiration of ["never", "7d", "30d", "90d", "1y"]) {
      expect(createApiKeySchema.parse({ name: "k", expiration }).expiration).toBe(expiration);
    }
    expect(Object.keys(API_KEY_EXPIRATIONS)).toEqual(["never", "7d", "30d", "90d", "1y"]);
  });

  it.each([["14d"], ["1Y"], [""], [undefined], [null], [30]])("rejects expiration %j", (expiration) => {
    const result = createApiKeySchema.safeParse({ name: "k", expiration });
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([["expiration", "Choose when the key expires."]]);
  });

  it("keeps the chosen permissions", () => {
    expect(createApiKeySchema.parse({ name: "k", expiration: "never", access: "read" })).toMatchObject({ access: "read" });
    expect(
      createApiKeySchema.parse({ name: "k", expiration: "never", access: "restricted", calls: "write", contacts: "read" }),
    ).toMatchObject({ access: "restricted", calls: "write", contacts: "read", routing: "none" });
  });

  it("refuses a restricted key that grants nothing, and unknown permission values", () => {
    const empty = createApiKeySchema.safeParse({ name: "k", expiration: "never", access: "restricted" });
    expect(messages(empty)).toEqual([["access", "A restricted key needs at least one permission."]]);
    expect(messages(createApiKeySchema.safeParse({ name: "k", expiration: "never", access: "admin" }))).toEqual([
      ["access", "Choose the key's permissions."],
    ]);
    expect(
      messages(createApiKeySchema.safeParse({ name: "k", expiration: "never", access: "restricted", calls: "all" })),
    ).toEqual([["calls", "Choose None, Read or Write."]]);
  });

  it("reports both problems at once", () => {
    const result = createApiKeySchema.safeParse({ name: " ", expiration: "forever" });
    expect(messages(result)).toEqual([
      ["name", "Give the key a name."],
      ["expiration", "Choose when the key expires."],
    ]);
  });
});

describe("apiKeyIdSchema", () => {
  it("accepts an id and rejects empty, missing and over-long ones", () => {
    expect(apiKeyIdSchema.parse("cmabc123")).toBe("cmabc123");
    expect(apiKeyIdSchema.safeParse("").error?.issues[0].message).toBe("Missing API key id.");
    expect(apiKeyIdSchema.safeParse(undefined).error?.issues[0].message).toBe("Missing API key id.");
    expect(apiKeyIdSchema.safeParse("x".repeat(65)).success).toBe(false);
    expect(apiKeyIdSchema.safeParse("x".repeat(64)).success).toBe(true);
  });
});

describe("expiresAtFor", () => {
  const now = new Date("2026-02-27T10:15:30.123Z");

  it("returns null for keys that never expire", () => {
    expect(expiresAtFor("never", now)).toBeNull();
  });

  it.each([
    ["7d", 7],
    ["30d", 30],
    ["90d", 90],
    ["1y", 365],
  ] as const)("adds the right number of days for %s", (expiration, days) => {
    const expiresAt = expiresAtFor(expiration, now);
    expect(expiresAt).toBeInstanceOf(Date);
    expect(expiresAt!.getTime() - now.getTime()).toBe(days * DAY_MS);
  });

  it("gives exact instants and leaves now untouched", () => {
    expect(expiresAtFor("7d", now)?.toISOString()).toBe("2026-03-06T10:15:30.123Z");
    expect(expiresAtFor("1y", now)?.toISOString()).toBe("2027-02-27T10:15:30.123Z");
    expect(now.toISOString()).toBe("2026-02-27T10:15:30.123Z");
  });
});
