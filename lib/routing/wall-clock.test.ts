import { describe, expect, it } from "vitest";
import { instantOfWallClock } from "./wall-clock";

describe("instantOfWallClock", () => {
  it("reads a wall-clock time in the given zone, following daylight saving", () => {
    expect(instantOfWallClock("2026-01-14T10:00", "America/New_York").toISOString()).toBe("2026-01-14T15:00:00.000Z");
    expect(instantOfWallClock("2026-07-14T10:00", "America/New_York").toISOString()).toBe("2026-07-14T14:00:00.000Z");
    expect(instantOfWallClock("2026-07-14T10:00", "Europe/London").toISOString()).toBe("2026-07-14T09:00:00.000Z");
    expect(instantOfWallClock("2026-11-30T23:30", "UTC").toISOString()).toBe("2026-11-30T23:30:00.000Z");
    expect(instantOfWallClock("2026-11-30T09:00", "Asia/Kolkata").toISOString()).toBe("2026-11-30T03:30:00.000Z");
  });

  it("reads a time skipped by a spring-forward change as the hour after", () => {
    // 2026-03-08 02:30 does not exist in New York: clocks jump from 02:00 to 03:00 (07:00Z).
    expect(instantOfWallClock("2026-03-08T02:30", "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("refuses a malformed time or an unknown zone", () => {
    expect(() => instantOfWallClock("2026-11-30 09:00", "UTC")).toThrow(RangeError);
    expect(() => instantOfWallClock("2026-11-30T09:00", "Mars/Olympus")).toThrow(RangeError);
  });
});

describe("instantOfWallClock on a fall-back night", () => {
  it("reads a time the clock shows twice as the earlier instant", () => {
    // 2026-11-01 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(instantOfWallClock("2026-11-01T01:30", "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
});
