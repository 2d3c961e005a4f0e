import { afterEach, describe, expect, it } from "vitest";
import { clientAddress, clientThrottleKey, originOf } from "./client-address";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SERVER } from "./resolve.mjs";

const marker = globalThis as Record<symbol, unknown>;

describe("clientAddress", () => {
  afterEach(() => {
    delete marker[CLIENT_ADDRESS_SERVER];
  });

  it("reads the address scripts/server.mjs resolved, from Headers or a plain object (next-auth)", () => {
    marker[CLIENT_ADDRESS_SERVER] = true;
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "1.1.1.1" }))).toBe("203.0.113.9");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "2001:db8::1" })).toBe("2001:db8::1");
    expect(clientThrottleKey({ [CLIENT_ADDRESS_HEADER]: "2001:db8:0:7::1" })).toBe("2001:db8:0:7::/64");
    expect(clientThrottleKey({})).toBe("unknown");
    expect(clientAddress(undefined)).toBeNull();
  });

  it("trusts nothing a request carries when that server is not in front", () => {
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBeNull();
    expect(clientThrottleKey(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.9" }))).toBe("unknown");
  });
});

describe("originOf", () => {
  afterEach(() => {
    delete marker[CLIENT_ADDRESS_SERVER];
  });

  it("gives the address and user agent the same way from Headers and from a plain object", () => {
    marker[CLIENT_ADDRESS_SERVER] = true;
    const fields = { [CLIENT_ADDRESS_HEADER]: "203.0.113.9", "user-agent": "curl/8.0" };
    expect(originOf(new Headers(fields))).toEqual({ ip: "203.0.113.9", userAgent: "curl/8.0" });
    expect(originOf(fields)).toEqual({ ip: "203.0.113.9", userAgent: "curl/8.0" });
    expect(originOf({})).toEqual({ ip: null, userAgent: null });
  });
});
