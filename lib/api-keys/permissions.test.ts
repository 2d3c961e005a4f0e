import { describe, expect, it } from "vitest";
import { allows, describePermissions, grantsSomething, scopesOf, storedScopesSchema, storePermissions, type Level, type Permission, type Scopes } from "./permissions";

const NONE: Scopes = { calls: "none", contacts: "none", routing: "none", webhooks: "none" };
const PERMISSIONS: Permission[] = ["calls:read", "calls:write", "contacts:read", "contacts:write", "routing:read", "routing:write", "webhooks:read", "webhooks:write"];

describe("scopesOf", () => {
  it("gives the presets their meaning", () => {
    expect(scopesOf({ access: "full", scopes: null })).toEqual({ calls: "write", contacts: "write", routing: "write", webhooks: "write" });
    expect(scopesOf({ access: "read", scopes: null })).toEqual({ calls: "read", contacts: "read", routing: "read", webhooks: "read" });
  });

  it("ignores stored scopes on a preset key", () => {
    expect(scopesOf({ access: "read", scopes: { ...NONE, calls: "write" } }).calls).toBe("read");
  });

  it("gives a restricted key its own levels, and nothing without them", () => {
    expect(scopesOf({ access: "restricted", scopes: { ...NONE, contacts: "read" } })).toEqual({ ...NONE, contacts: "read" });
    expect(scopesOf({ access: "restricted", scopes: null })).toEqual(NONE);
  });
});

describe("storedScopesSchema", () => {
  it("reads a restricted key's levels, with unnamed resources at none", () => {
    expect(storedScopesSchema.parse({ calls: "write", contacts: "read", routing: "none" })).toEqual({
      calls: "write",
      contacts: "read",
      routing: "none",
      webhooks: "none",
    });
    expect(storedScopesSchema.parse({ contacts: "read" })).toEqual({ ...NONE, contacts: "read" });
    expect(storedScopesSchema.parse(null)).toBeNull();
  });

  it.each([
    ["a JSON array", ["write"]],
    ["a JSON string", "write"],
    ["a number", 7],
  ])("grants nothing for %s", (_label, stored) => {
    expect(storedScopesSchema.parse(stored)).toEqual(NONE);
  });

  it("turns unknown levels into none without touching the valid ones", () => {
    expect(storedScopesSchema.parse({ calls: "admin", contacts: "read", routing: 2 })).toEqual({ calls: "none", contacts: "read", routing: "none", webhooks: "none" });
  });

  it("never adds resources it does not know, nor takes levels from a smuggled prototype", () => {
    const scopes = storedScopesSchema.parse(JSON.parse('{"calls":"read","billing":"write","__proto__":{"routing":"write"}}'))!;
    expect(scopes).toEqual({ calls: "read", contacts: "none", routing: "none", webhooks: "none" });
    expect(Object.keys(scopes).sort()).toEqual(["calls", "contacts", "routing", "webhooks"]);
    expect(allows(scopes, "routing:read")).toBe(false);
  });
});

describe("allows", () => {
  const expected: Record<Level, Record<"read" | "write", boolean>> = {
    none: { read: false, write: false },
    read: { read: true, write: false },
    write: { read: true, write: true },
  };

  for (const permission of PERMISSIONS) {
    const [resource, needed] = permission.split(":") as [keyof Scopes, "read" | "write"];
    for (const level of ["none", "read", "write"] as const) {
      it(`${level} on ${resource} ${expected[level][needed] ? "allows" : "refuses"} ${permission}`, () => {
        expect(allows({ ...NONE, [resource]: level }, permission)).toBe(expected[level][needed]);
      });
    }
  }

  it("looks only at the resource the permission names", () => {
    const callsOnly: Scopes = { ...NONE, calls: "write" };
    expect(PERMISSIONS.filter((permission) => allows(callsOnly, permission))).toEqual(["calls:read", "calls:write"]);
  });
});

describe("storePermissions", () => {
  it("stores presets without scopes, full access by default", () => {
    expect(storePermissions({})).toEqual({ access: "full", scopes: null });
    expect(storePermissions({ access: "full", calls: "none" })).toEqual({ access: "full", scopes: null });
    expect(storePermissions({ access: "read", calls: "write" })).toEqual({ access: "read", scopes: null });
  });

  it("stores every resource's level for a restricted key, missing ones as none", () => {
    const stored = storePermissions({ access: "restricted", contacts: "write" });
    expect(stored.access).toBe("restricted");
    expect(stored.scopes).toEqual({ calls: "none", contacts: "write", routing: "none", webhooks: "none" });
  });

  it("round-trips through scopesOf", () => {
    const input = { access: "restricted", calls: "read", contacts: "none", routing: "write" } as const;
    expect(scopesOf(storePermissions(input))).toEqual({ calls: "read", contacts: "none", routing: "write", webhooks: "none" });
  });
});

describe("grantsSomething", () => {
  it("is true for presets and for a restricted key with one level above none", () => {
    expect(grantsSomething({ access: "full", ...NONE })).toBe(true);
    expect(grantsSomething({ access: "read", ...NONE })).toBe(true);
    expect(grantsSomething({ access: "restricted", ...NONE, routing: "read" })).toBe(true);
    expect(grantsSomething({ access: "restricted", ...NONE })).toBe(false);
  });
});

describe("describePermissions", () => {
  it("names the presets", () => {
    expect(describePermissions({ access: "full", scopes: null })).toBe("Full access");
    expect(describePermissions({ access: "read", scopes: null })).toBe("Read only");
  });

  it("lists a restricted key's level per resource", () => {
    expect(describePermissions(storePermissions({ access: "restricted", calls: "write", contacts: "read" }))).toBe(
      "Calls: Write · Contacts: Read · Routing: None · Webhooks: None",
    );
  });

  it("describes a restricted key without levels as granting nothing", () => {
    expect(describePermissions({ access: "restricted", scopes: null })).toBe("Calls: None · Contacts: None · Routing: None · Webhooks: None");
  });
});
