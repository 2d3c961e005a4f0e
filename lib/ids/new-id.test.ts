import { describe, expect, it } from "vitest";
import { firstIdAt, idPattern, newId } from "./new-id";

describe("newId", () => {
  it("is the prefix, 9 base36 characters of time and 16 random ones", () => {
    const id = newId("call");
    expect(id).toMatch(/^call_[0-9a-z]{25}$/);
    expect(idPattern("call").test(id)).toBe(true);
  });

  it("encodes the creation time in its first 9 characters", () => {
    const now = Date.UTC(2026, 10, 27, 6, 0, 0, 123);
    const id = newId("contact", now);
    expect(parseInt(id.slice("contact_".length, "contact_".length + 9), 36)).toBe(now);
  });

  it("pads early times so ids stay the same length", () => {
    expect(newId("rule", 0)).toMatch(/^rule_000000000[0-9a-z]{16}$/);
    expect(newId("rule", 1)).toMatch(/^rule_000000001[0-9a-z]{16}$/);
  });

  it("sorts by creation time, as strings, even across a change in digit count", () => {
    const times = [1, 35, 36, 1295, Date.UTC(2001, 0, 1), Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1) + 1, Date.UTC(2099, 0, 1)];
    const ids = times.map((time) => newId("call", time));
    expect([...ids].sort()).toEqual(ids);
  });

  it("does not repeat across many ids made in the same millisecond", () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("call", now)));
    expect(ids.size).toBe(10_000);
  });

  it("uses every base36 digit in the random part", () => {
    const seen = new Set(Array.from({ length: 500 }, () => newId("x").slice(11)).join(""));
    expect(seen.size).toBe(36);
  });
});

describe("idPattern", () => {
  it("accepts only ids with this prefix and the exact shape", () => {
    const pattern = idPattern("call");
    const id = newId("call");
    expect(pattern.test(id)).toBe(true);
    expect(pattern.test(newId("contact"))).toBe(false);
    expect(pattern.test(id.toUpperCase())).toBe(false);
    expect(pattern.test(`${id}x`)).toBe(false);
    expect(pattern.test(id.slice(0, -1))).toBe(false);
    expect(pattern.test(` ${id}`)).toBe(false);
    expect(pattern.test(`${id}\n`)).toBe(false);
  });
});

describe("firstIdAt", () => {
  it("bounds the ids made at and after a time from below, and those made before it from above", () => {
    const at = Date.UTC(2026, 10, 30, 9, 0, 0, 0);
    const floor = firstIdAt("evt", new Date(at))!;
    for (let i = 0; i < 200; i++) {
      expect(newId("evt", at) >= floor).toBe(true);
      expect(newId("evt", at + 1 + i) >= floor).toBe(true);
      expect(newId("evt", at - 1 - i) < floor).toBe(true);
    }
  });

  it("has no bound for times ids cannot carry", () => {
    expect(firstIdAt("evt", new Date(-1))).toBeNull();
    expect(firstIdAt("evt", new Date(36 ** 9))).toBeNull();
    expect(firstIdAt("evt", new Date(Number.NaN))).toBeNull();
    expect(firstIdAt("evt", new Date(0))).toBe("evt_000000000");
  });
});
