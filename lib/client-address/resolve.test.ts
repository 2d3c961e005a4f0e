import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress, throttleBucket } from "./resolve.mjs";

const resolve = (remoteAddress: string, forwardedFor: string | undefined, trustedProxies: string) =>
  resolveClientAddress({ remoteAddress, forwardedFor, trusted: parseTrustedProxies(trustedProxies) });

describe("normalizeAddress", () => {
  it("reads IPv4-mapped IPv6 as IPv4, drops brackets and zones, refuses what is no address", () => {
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80::1");
    expect(normalizeAddress(" 198.51.100.7 ")).toBe("198.51.100.7");
    for (const junk of ["garbage", "", "1.2.3", "203.0.113.9:443", null, undefined]) expect(normalizeAddress(junk)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("takes nothing, a hop count, or addresses and CIDRs", () => {
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(parseTrustedProxies(" ")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustedProxies("10.0.0.0/8, ::1 ,fd00::/8")).toMatchObject({ kind: "list", entries: ["10.0.0.0/8", "::1", "fd00::/8"] });
  });

  it("names what it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow('"10.0.0.0/33" has a prefix length outside 0–32');
    expect(() => parseTrustedProxies("::/129")).toThrow("outside 0–128");
    expect(() => parseTrustedProxies("proxy.internal")).toThrow('"proxy.internal" is not an IP address or CIDR');
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow("is not an IP address or CIDR");
    expect(() => parseTrustedProxies("10.0.0.0/x")).toThrow("prefix length");
  });
});

describe("resolveClientAddress", () => {
  it("served directly, is the socket's peer whatever X-Forwarded-For claims", () => {
    expect(resolve("203.0.113.9", "198.51.100.1", "")).toBe("203.0.113.9");
    expect(resolve("::ffff:203.0.113.9", undefined, "")).toBe("203.0.113.9");
  });

  it("believes X-Forwarded-For only as far as trusted proxies wrote it", () => {
    // The peer is the proxy; the last entry is what it saw.
    expect(resolve("10.0.0.2", "198.51.100.7", "10.0.0.0/8")).toBe("198.51.100.7");
    // Entries the client wrote ahead of it are ignored.
    expect(resolve("10.0.0.2", "1.1.1.1, 198.51.100.7", "10.0.0.0/8")).toBe("198.51.100.7");
    // Two trusted hops: the walk passes the inner proxy's entry.
    expect(resolve("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.3", "10.0.0.0/8")).toBe("198.51.100.7");
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(resolve("203.0.113.9", "198.51.100.7", "10.0.0.0/8")).toBe("203.0.113.9");
    // Only trusted hops in the chain: the farthest one is the client.
    expect(resolve("10.0.0.2", "10.0.0.3", "10.0.0.0/8")).toBe("10.0.0.3");
    // No header: the proxy itself.
    expect(resolve("10.0.0.2", undefined, "10.0.0.0/8")).toBe("10.0.0.2");
    // A trusted proxy vouching for something that is not an address: stop at that proxy.
    expect(resolve("10.0.0.2", "garbage", "10.0.0.0/8")).toBe("10.0.0.2");
    // IPv6 proxies and clients.
    expect(resolve("::1", "2001:DB8::5", "127.0.0.1,::1")).toBe("2001:db8::5");
  });

  it("with a hop count, takes the address that many hops in, or the farthest one there is", () => {
    expect(resolve("10.0.0.2", "1.1.1.1, 198.51.100.7", "1")).toBe("198.51.100.7");
    expect(resolve("10.0.0.2", "1.1.1.1, 198.51.100.7, 10.0.0.3", "2")).toBe("198.51.100.7");
    expect(resolve("10.0.0.2", undefined, "1")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "garbage", "1")).toBe("10.0.0.2");
  });

  it("reads X-Forwarded-For given as several headers", () => {
    expect(resolveClientAddress({ remoteAddress: "10.0.0.2", forwardedFor: ["1.1.1.1", "198.51.100.7"], trusted: parseTrustedProxies("10.0.0.2") })).toBe("198.51.100.7");
  });
});

describe("throttleBucket", () => {
  it("counts IPv4 per address and IPv6 per /64", () => {
    expect(throttleBucket("198.51.100.7")).toBe("198.51.100.7");
    expect(throttleBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttleBucket("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(throttleBucket("2001:0db8:0001:0002:0000:0000:0000:0009")).toBe("2001:db8:1:2::/64");
    expect(throttleBucket("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(throttleBucket("::1")).toBe("0:0:0:0::/64");
    expect(throttleBucket("64:ff9b::198.51.100.7")).toBe("64:ff9b:0:0::/64");
  });
});
