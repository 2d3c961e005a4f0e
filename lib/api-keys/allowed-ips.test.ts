import { describe, expect, it } from "vitest";
import { allowedIpsSchema, allowlistOf, allowlistOfText, ANY_ADDRESS, MAX_ALLOWED_IPS, parseAllowedIp } from "./allowed-ips";

const entries = (input: unknown) => allowedIpsSchema.parse(input);
const issues = (input: unknown) => allowedIpsSchema.safeParse(input).error?.issues.map((issue) => issue.message) ?? [];
const allows = (list: string[], address: string | null) => allowlistOf(list).allows(address);

describe("allowedIpsSchema", () => {
  it("reads one entry per line or comma-separated, normalized and deduplicated", () => {
    expect(entries(" 203.0.113.7\n198.51.100.0/24, 2001:DB8:0:0::1 \r\n\n203.0.113.7")).toEqual(["203.0.113.7", "198.51.100.0/24", "2001:db8::1"]);
    expect(entries(["2001:db8::/32", "[2001:db8::5]"])).toEqual(["2001:db8::/32", "2001:db8::5"]);
  });

  it("treats empty or missing as any address", () => {
    expect(entries(undefined)).toEqual([]);
    expect(entries("  \n , ")).toEqual([]);
    expect(entries([])).toEqual([]);
  });

  it("stores IPv4-mapped entries as the IPv4 entries they mean", () => {
    expect(entries("::ffff:198.51.100.7, ::FFFF:198.51.100.0/120, ::ffff:0.0.0.0/96")).toEqual(["198.51.100.7", "198.51.100.0/24", "0.0.0.0/0"]);
    expect(issues("::ffff:198.51.100.0/64")).toEqual([expect.stringContaining("96–128")]);
  });

  it("names each bad entry, the first three of them in one message", () => {
    expect(issues("203.0.113.7, 300.1.1.1\nexample.com, 10.0.0.0/33")).toEqual([
      '"300.1.1.1" is not an IP address or CIDR range (like 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32). ' +
        '"example.com" is not an IP address or CIDR range (like 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32). ' +
        '"10.0.0.0/33": the prefix length after "/" must be 0–32 for an IPv4 range.',
    ]);
    expect(issues("2001:db8::/129, 10.0.0.0/8/8, 10.0.0.0/x, fe80::1%eth0, nope")).toEqual([
      expect.stringMatching(/^"2001:db8::\/129": the prefix length after "\/" must be 0–128 for an IPv6 range\. "10\.0\.0\.0\/8\/8" is not .* "10\.0\.0\.0\/x": .* 2 more entries are not valid either\.$/),
    ]);
    expect(parseAllowedIp("fe80::1%eth0").ok).toBe(false);
    expect(parseAllowedIp("010.0.0.1").ok).toBe(false);
  });

  it(`caps the list at ${MAX_ALLOWED_IPS}`, () => {
    const many = Array.from({ length: MAX_ALLOWED_IPS + 1 }, (_, i) => `10.0.${i}.0/24`);
    expect(entries(many.slice(0, MAX_ALLOWED_IPS))).toHaveLength(MAX_ALLOWED_IPS);
    expect(issues(many.join("\n"))).toEqual([`A key allows at most ${MAX_ALLOWED_IPS} IP addresses or ranges (this list has ${MAX_ALLOWED_IPS + 1}).`]);
  });
});

describe("allowlist matching", () => {
  it("matches single addresses exactly (/32 and /128 alike)", () => {
    expect(allows(["203.0.113.7"], "203.0.113.7")).toBe(true);
    expect(allows(["203.0.113.7"], "203.0.113.8")).toBe(false);
    expect(allows(["203.0.113.7/32"], "203.0.113.7")).toBe(true);
    expect(allows(["203.0.113.7/32"], "203.0.113.6")).toBe(false);
    expect(allows(["2001:db8::1/128"], "2001:db8::1")).toBe(true);
    expect(allows(["2001:db8::1/128"], "2001:db8::2")).toBe(false);
  });

  it("matches ranges up to their edges", () => {
    expect(allows(["198.51.100.0/24"], "198.51.100.0")).toBe(true);
    expect(allows(["198.51.100.0/24"], "198.51.100.255")).toBe(true);
    expect(allows(["198.51.100.0/24"], "198.51.101.0")).toBe(false);
    expect(allows(["2001:db8::/32"], "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(true);
    expect(allows(["2001:db8::/32"], "2001:db9::")).toBe(false);
  });

  it("/0 admits its whole family", () => {
    expect(allows(["0.0.0.0/0"], "8.8.8.8")).toBe(true);
    expect(allows(["0.0.0.0/0"], "2001:db8::1")).toBe(false);
    expect(allows(["::/0"], "2001:db8::1")).toBe(true);
  });

  it("keeps IPv4 and IPv6 apart, except IPv4-mapped clients, which match IPv4 entries", () => {
    expect(allows(["127.0.0.1"], "::1")).toBe(false);
    expect(allows(["::1"], "127.0.0.1")).toBe(false);
    expect(allows(["127.0.0.1"], "::ffff:127.0.0.1")).toBe(true);
    expect(allows(["203.0.113.0/24"], "::ffff:203.0.113.9")).toBe(true);
    expect(allows(["203.0.113.0/24"], "[::ffff:203.0.113.9]")).toBe(true);
    expect(allows(["203.0.113.0/24"], "::ffff:198.51.100.1")).toBe(false);
  });

  it("never admits an unknown or malformed address to a non-empty list", () => {
    expect(allows(["0.0.0.0/0", "::/0"], null)).toBe(false);
    expect(allows(["0.0.0.0/0"], "unknown")).toBe(false);
    expect(ANY_ADDRESS.allows(null)).toBe(true);
  });

  it("fails closed on a stored value it did not write", () => {
    expect(allowlistOf({ not: "a list" }).allows("203.0.113.7")).toBe(false);
    expect(allowlistOf(["not an address"]).allows("203.0.113.7")).toBe(false);
    expect(allowlistOf(["2001:DB8::1"]).allows("2001:db8::1")).toBe(false);
    expect(allowlistOfText("{broken").allows("203.0.113.7")).toBe(false);
    expect(allowlistOf(null)).toBe(ANY_ADDRESS);
  });

  it("compiles each stored text once", () => {
    const text = JSON.stringify(["192.0.2.0/24"]);
    const first = allowlistOfText(text);
    expect(allowlistOfText(text)).toBe(first);
    expect(first.allows("192.0.2.4")).toBe(true);
    expect(allowlistOfText(null)).toBe(ANY_ADDRESS);
    expect(allowlistOfText("[]")).toBe(ANY_ADDRESS);
  });
});
