import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

const WINDOW = 10_000;
// A clock-aligned window: [T, T + 10 s).
const T = 1_800_000_000_000;

describe("RateLimiter", () => {
  it("allows the limit within a window and refuses the next request", () => {
    const limiter = new RateLimiter("test-allow", 3, WINDOW);
    expect([1, 2, 3].map(() => limiter.hit("key", T + 100).allowed)).toEqual([true, true, true]);
    const refused = limiter.hit("key", T + 200);
    expect(refused).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 10 });
  });

  it("aligns windows to the clock, so every instance agrees when one resets", () => {
    const limiter = new RateLimiter("test-align", 2, WINDOW);
    limiter.hit("key", T + 9_000);
    limiter.hit("key", T + 9_500);
    expect(limiter.hit("key", T + 9_900)).toMatchObject({ allowed: false, resetSeconds: 1 });
    expect(limiter.hit("key", T + WINDOW)).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 10 });
  });

  it("counts each bucket on its own and reports remaining", () => {
    const limiter = new RateLimiter("test-buckets", 5, WINDOW);
    limiter.hit("a", T);
    limiter.hit("a", T);
    expect(limiter.hit("a", T).remaining).toBe(2);
    expect(limiter.hit("b", T).remaining).toBe(4);
  });

  it("peeks without counting", () => {
    const limiter = new RateLimiter("test-peek", 2, WINDOW);
    expect(limiter.peek("key", T)).toBeNull();
    limiter.hit("key", T);
    expect(limiter.peek("key", T)).toMatchObject({ allowed: true });
    limiter.hit("key", T);
    expect(limiter.peek("key", T)).toMatchObject({ allowed: false });
    expect(limiter.peek("key", T + WINDOW)).toBeNull();
  });

  it("takes only within the limit, so a refused attempt is not counted, and refunds a taken one", () => {
    const limiter = new RateLimiter("test-take", 3, WINDOW);
    expect([1, 2, 3, 4, 5].map(() => limiter.take("key", T + 100).allowed)).toEqual([true, true, true, false, false]);
    expect(limiter.takePending()[0].count).toBe(3);
    limiter.refund("key", T + 200);
    expect(limiter.take("key", T + 300)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take("key", T + 400).allowed).toBe(false);
    // The refund and the retake cancel out; nothing new for the shared table.
    expect(limiter.takePending()).toEqual([]);
    // A refund for an attempt from an earlier window changes nothing now.
    limiter.refund("key", T - 1);
    expect(limiter.take("key", T + 500).allowed).toBe(false);
  });

  it("hands over unshared counts once and adds the other instances' counts it learns", () => {
    const limiter = new RateLimiter("test-shared", 10, WINDOW);
    limiter.hit("key", T);
    limiter.hit("key", T);
    const pending = limiter.takePending();
    expect(pending.map(({ bucket, start, count }) => ({ bucket, start, count }))).toEqual([{ bucket: "key", start: T, count: 2 }]);
    expect(limiter.takePending()).toEqual([]);

    // The shared table says 9 across all instances: 2 of ours and 7 from elsewhere.
    limiter.learnShared("key", T, 9);
    expect(limiter.hit("key", T + 1)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.hit("key", T + 2)).toMatchObject({ allowed: false });
    // A total from an old window is ignored.
    limiter.learnShared("key", T - WINDOW, 1000);
    expect(limiter.takePending()[0].count).toBe(2);
  });

  it("still limits correctly after sweeping many stale windows", () => {
    const limiter = new RateLimiter("test-sweep", 1, WINDOW);
    for (let i = 0; i < 50_001; i++) limiter.hit(`old-${i}`, T);
    expect(limiter.hit("fresh", T + WINDOW).allowed).toBe(true);
    expect(limiter.hit("fresh", T + WINDOW).allowed).toBe(false);
  });
});
