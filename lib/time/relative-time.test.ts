import { describe, expect, it } from "vitest";
import { exactTimeFormat, formatRelativeTime } from "./relative-time";

const NOW = new Date("2026-11-30T16:00:00.000Z");
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("formatRelativeTime", () => {
  it.each([
    [0, "now"],
    [-9 * SECOND, "now"],
    [9 * SECOND, "now"],
    [-30 * SECOND, "30 seconds ago"],
    [-50 * SECOND, "1 minute ago"],
    [-3 * MINUTE, "3 minutes ago"],
    [-3 * MINUTE - 29 * SECOND, "3 minutes ago"],
    [-3 * MINUTE - 31 * SECOND, "4 minutes ago"],
    [-50 * MINUTE, "1 hour ago"],
    [-5 * HOUR, "5 hours ago"],
    [-23 * HOUR, "yesterday"],
    [-2 * DAY, "2 days ago"],
    [5 * DAY, "in 5 days"],
    [DAY, "tomorrow"],
    [30 * DAY, "next month"],
    [90 * DAY, "in 3 months"],
    [-400 * DAY, "last year"],
    [-3 * 365 * DAY, "3 years ago"],
  ])("puts %i ms from now as %j", (offset, expected) => {
    expect(formatRelativeTime(at(offset), NOW)).toBe(expected);
  });

  it("speaks the locale it is given", () => {
    expect(formatRelativeTime(at(-3 * MINUTE), NOW, "de")).toBe("vor 3 Minuten");
  });
});

describe("exactTimeFormat", () => {
  it("gives the exact time to the second with the zone's name", () => {
    expect(exactTimeFormat("UTC").format(NOW)).toBe("30 Nov 2026, 16:00:00 UTC");
  });

  it("converts to the viewer's zone", () => {
    expect(exactTimeFormat("Asia/Kolkata").format(NOW)).toBe("30 Nov 2026, 21:30:00 GMT+5:30");
    expect(exactTimeFormat("America/New_York").format(NOW)).toBe("30 Nov 2026, 11:00:00 GMT-5");
  });
});
