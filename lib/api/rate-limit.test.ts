import { describe, expect, it } from "vitest";
import { RateLimiter, rateLimitHeaders } from "./rate-limit";

const T0 = 1_800_000_000_000;

describe("RateLimiter", () => {
  it("allows the limit within a window and refuses the next request", () => {
    const limiter = new RateLimiter(3, 10_000);
    const results = [0, 1, 2, 3].map((offset) => limiter.hit("key_a", T0 + offset));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
    expect(results.every((result) => result.limit === 3)).toBe(true);
  });

  it("keeps refusing until the window ends, then starts a fresh one", () => {
    const limiter = new RateLimiter(2, 10_000);
    limiter.hit("key_a", T0);
    limiter.hit("key_a", T0 + 1);
    expect(limiter.hit("key_a", T0 + 9_999).allowed).toBe(false);
    const fresh = limiter.hit("key_a", T0 + 10_000);
    expect(fresh).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 10 });
  });

  it("reports whole seconds until the window resets, never 0", () => {
    const limiter = new RateLimiter(100, 10_000);
    expect(limiter.hit("key_a", T0).resetSeconds).toBe(10);
    expect(limiter.hit("key_a", T0 + 1).resetSeconds).toBe(10);
    expect(limiter.hit("key_a", T0 + 1_000).resetSeconds).toBe(9);
    expect(limiter.hit("key_a", T0 + 8_500).resetSeconds).toBe(2);
    expect(limiter.hit("key_a", T0 + 9_999).resetSeconds).toBe(1);
  });

  it("counts each bucket on its own", () => {
    const limiter = new RateLimiter(1, 60_000);
    expect(limiter.hit("203.0.113.1", T0).allowed).toBe(true);
    expect(limiter.hit("203.0.113.1", T0).allowed).toBe(false);
    expect(limiter.hit("203.0.113.2", T0).allowed).toBe(true);
    expect(limiter.hit("203.0.113.2", T0 + 1).remaining).toBe(0);
  });

  it("keeps counting while over the limit, without a negative remaining", () => {
    const limiter = new RateLimiter(1, 1_000);
    for (let i = 0; i < 5; i++) limiter.hit("key_a", T0);
    expect(limiter.hit("key_a", T0)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("still limits correctly after sweeping many stale windows", () => {
    const limiter = new RateLimiter(1, 1_000);
    for (let i = 0; i <= 50_001; i++) limiter.hit(`stale_${i}`, T0);
    limiter.hit("busy", T0 + 5_000);
    expect(limiter.hit("busy", T0 + 5_000).allowed).toBe(false);
    expect(limiter.hit("stale_1", T0 + 5_000).allowed).toBe(true);
  });
});

describe("rateLimitHeaders", () => {
  it("writes the RateLimit-* headers", () => {
    expect(rateLimitHeaders({ allowed: true, limit: 100, remaining: 42, resetSeconds: 7 })).toEqual({
      "RateLimit-Limit": "100",
      "RateLimit-Remaining": "42",
      "RateLimit-Reset": "7",
    });
  });
});
