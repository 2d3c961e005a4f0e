import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { RateLimiter } from "./rate-limit";
import { deleteFinishedRateLimitWindows, syncRateLimits } from "./rate-limit-sync";

describe("shared rate limits", () => {
  it("adds up what two instances counted, so one limit holds across them", async () => {
    // Two limiters with one name stand for the same limiter in two server processes.
    const instance1 = new RateLimiter("sync-test", 10, 60_000);
    const instance2 = new RateLimiter("sync-test", 10, 60_000);
    const now = Date.now();
    for (let i = 0; i < 6; i++) expect(instance1.hit("key_1", now).allowed).toBe(true);
    for (let i = 0; i < 6; i++) expect(instance2.hit("key_1", now).allowed).toBe(true);

    expect(await syncRateLimits()).toBe(2);
    const start = new Date(now - (now % 60_000));
    expect(await db.rateLimitWindow.findUnique({ where: { bucket_windowStart: { bucket: "sync-test:key_1", windowStart: start } } })).toMatchObject({
      count: 12,
    });
    // The second to sync learned the total of both at once.
    expect(instance2.hit("key_1", now).allowed).toBe(false);
    // The first learns it at its next sync.
    instance1.hit("key_1", now);
    await syncRateLimits();
    expect(instance1.hit("key_1", now).allowed).toBe(false);
  });

  it("deletes windows that ended long ago", async () => {
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await db.rateLimitWindow.create({ data: { bucket: "sync-test:old", windowStart: old, count: 3 } });
    await deleteFinishedRateLimitWindows();
    expect(await db.rateLimitWindow.count({ where: { bucket: "sync-test:old" } })).toBe(0);
  });
});
