import { describe, expect, it } from "vitest";
import { isTimeZone, isWithinSchedule, localTime, scheduleSchema, storedScheduleSchema, type Schedule } from "./schedule";

const at = (instant: string) => new Date(instant);

const WEEKDAYS_9_TO_5_NEW_YORK: Schedule = {
  time_zone: "America/New_York",
  days: ["mon", "tue", "wed", "thu", "fri"],
  start: "09:00",
  end: "17:00",
};

function issues(value: unknown) {
  const result = scheduleSchema.safeParse(value);
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("localTime", () => {
  it("reads weekday and minute on the zone's wall clock, not UTC's", () => {
    // Friday 20:00 UTC is already Saturday morning in Auckland and still Friday in Los Angeles.
    expect(localTime("UTC", at("2026-01-16T20:00:00Z"))).toEqual({ day: "fri", minute: 20 * 60 });
    expect(localTime("Pacific/Auckland", at("2026-01-16T20:00:00Z"))).toEqual({ day: "sat", minute: 9 * 60 });
    expect(localTime("America/Los_Angeles", at("2026-01-17T03:00:00Z"))).toEqual({ day: "fri", minute: 19 * 60 });
  });

  it("reads midnight as minute 0, not 24:00", () => {
    expect(localTime("Europe/London", at("2026-01-17T00:00:00Z"))).toEqual({ day: "sat", minute: 0 });
  });
});

describe("isWithinSchedule", () => {
  it("holds the same local hours in winter (EST, UTC-5) and in summer (EDT, UTC-4)", () => {
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-01-14T13:59:00Z"))).toBe(false);
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-01-14T14:00:00Z"))).toBe(true);
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-01-14T21:59:00Z"))).toBe(true);
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-01-14T22:00:00Z"))).toBe(false);

    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-07-15T12:59:00Z"))).toBe(false);
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-07-15T13:00:00Z"))).toBe(true);
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-07-15T20:59:00Z"))).toBe(true);
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-07-15T21:00:00Z"))).toBe(false);
  });

  it("opens at start and closes at end (end exclusive)", () => {
    const schedule: Schedule = { time_zone: "UTC", days: ["wed"], start: "09:30", end: "09:31" };
    expect(isWithinSchedule(schedule, at("2026-01-14T09:29:59Z"))).toBe(false);
    expect(isWithinSchedule(schedule, at("2026-01-14T09:30:00Z"))).toBe(true);
    expect(isWithinSchedule(schedule, at("2026-01-14T09:30:59Z"))).toBe(true);
    expect(isWithinSchedule(schedule, at("2026-01-14T09:31:00Z"))).toBe(false);
  });

  it("checks the day of the week in the rule's zone", () => {
    const saturdayMorningAuckland: Schedule = { time_zone: "Pacific/Auckland", days: ["sat"], start: "08:00", end: "10:00" };
    const fridayMorningAuckland: Schedule = { ...saturdayMorningAuckland, days: ["fri"] };
    // A Friday in UTC.
    expect(isWithinSchedule(saturdayMorningAuckland, at("2026-01-16T20:00:00Z"))).toBe(true);
    expect(isWithinSchedule(fridayMorningAuckland, at("2026-01-16T20:00:00Z"))).toBe(false);

    const fridayEveningLosAngeles: Schedule = { time_zone: "America/Los_Angeles", days: ["fri"], start: "18:00", end: "20:00" };
    // A Saturday in UTC.
    expect(isWithinSchedule(fridayEveningLosAngeles, at("2026-01-17T03:00:00Z"))).toBe(true);
    expect(isWithinSchedule({ ...fridayEveningLosAngeles, days: ["sat"] }, at("2026-01-17T03:00:00Z"))).toBe(false);
  });

  it("skips days that are not listed", () => {
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-01-17T15:00:00Z"))).toBe(false); // Saturday 10:00
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-01-18T15:00:00Z"))).toBe(false); // Sunday 10:00
    expect(isWithinSchedule(WEEKDAYS_9_TO_5_NEW_YORK, at("2026-01-19T15:00:00Z"))).toBe(true); // Monday 10:00
  });

  describe("a window whose end is before its start wraps past midnight", () => {
    const fridayNightLondon: Schedule = { time_zone: "Europe/London", days: ["fri"], start: "22:00", end: "06:00" };

    it.each([
      ["Thursday 23:00", "2026-01-15T23:00:00Z", false],
      ["Friday 21:59", "2026-01-16T21:59:00Z", false],
      ["Friday 22:00", "2026-01-16T22:00:00Z", true],
      ["Friday 23:59", "2026-01-16T23:59:00Z", true],
      ["Saturday 00:00", "2026-01-17T00:00:00Z", true],
      ["Saturday 05:59", "2026-01-17T05:59:00Z", true],
      ["Saturday 06:00", "2026-01-17T06:00:00Z", false],
      ["Saturday 23:00", "2026-01-17T23:00:00Z", false],
      ["Friday 05:00 (belongs to Thursday's window)", "2026-01-16T05:00:00Z", false],
    ])("%s in winter", (_label, instant, expected) => {
      expect(isWithinSchedule(fridayNightLondon, at(instant))).toBe(expected);
    });

    it("follows British Summer Time (UTC+1)", () => {
      expect(isWithinSchedule(fridayNightLondon, at("2026-07-17T20:59:00Z"))).toBe(false); // Friday 21:59 BST
      expect(isWithinSchedule(fridayNightLondon, at("2026-07-17T21:30:00Z"))).toBe(true); // Friday 22:30 BST
      expect(isWithinSchedule(fridayNightLondon, at("2026-07-18T04:59:00Z"))).toBe(true); // Saturday 05:59 BST
      expect(isWithinSchedule(fridayNightLondon, at("2026-07-18T05:00:00Z"))).toBe(false); // Saturday 06:00 BST
    });

    it("runs from Saturday night into Sunday morning across the week boundary", () => {
      const saturdayNight: Schedule = { time_zone: "UTC", days: ["sat"], start: "20:00", end: "02:00" };
      expect(isWithinSchedule(saturdayNight, at("2026-01-18T01:00:00Z"))).toBe(true); // Sunday 01:00
      expect(isWithinSchedule(saturdayNight, at("2026-01-19T01:00:00Z"))).toBe(false); // Monday 01:00
    });

    it("ending at 00:00 closes at midnight", () => {
      const lateFriday: Schedule = { time_zone: "UTC", days: ["fri"], start: "20:00", end: "00:00" };
      expect(isWithinSchedule(lateFriday, at("2026-01-16T23:59:00Z"))).toBe(true);
      expect(isWithinSchedule(lateFriday, at("2026-01-17T00:00:00Z"))).toBe(false);
    });
  });

  it("covers a whole day with 00:00 to 24:00", () => {
    const allSunday: Schedule = { time_zone: "Asia/Tokyo", days: ["sun"], start: "00:00", end: "24:00" };
    expect(isWithinSchedule(allSunday, at("2026-01-17T15:00:00Z"))).toBe(true); // Sunday 00:00 JST
    expect(isWithinSchedule(allSunday, at("2026-01-18T14:59:00Z"))).toBe(true); // Sunday 23:59 JST
    expect(isWithinSchedule(allSunday, at("2026-01-18T15:00:00Z"))).toBe(false); // Monday 00:00 JST
  });

  it("reads the wall clock on the days the clocks change", () => {
    const earlySunday: Schedule = { time_zone: "America/New_York", days: ["sun"], start: "01:00", end: "03:00" };
    // 8 March 2026: 02:00 EST jumps to 03:00 EDT.
    expect(isWithinSchedule(earlySunday, at("2026-03-08T06:30:00Z"))).toBe(true); // 01:30 EST
    expect(isWithinSchedule(earlySunday, at("2026-03-08T07:00:00Z"))).toBe(false); // 03:00 EDT
    // 25 October 2026 in London: 01:30 happens twice, both inside a 01:00–02:00 window.
    const repeatedHour: Schedule = { time_zone: "Europe/London", days: ["sun"], start: "01:00", end: "02:00" };
    expect(isWithinSchedule(repeatedHour, at("2026-10-25T00:30:00Z"))).toBe(true); // 01:30 BST
    expect(isWithinSchedule(repeatedHour, at("2026-10-25T01:30:00Z"))).toBe(true); // 01:30 GMT
    expect(isWithinSchedule(repeatedHour, at("2026-10-25T02:00:00Z"))).toBe(false); // 02:00 GMT
  });
});

describe("scheduleSchema", () => {
  it("accepts a named time zone, days and times", () => {
    expect(scheduleSchema.parse(WEEKDAYS_9_TO_5_NEW_YORK)).toEqual(WEEKDAYS_9_TO_5_NEW_YORK);
    expect(issues({ time_zone: "UTC", days: ["sun"], start: "00:00", end: "24:00" })).toEqual([]);
  });

  it.each(["Mars/Olympus_Mons", "Europe/Londn", "+05:30", "UTC+2", "", "Europe/../London"])("rejects the time zone %j", (zone) => {
    expect(issues({ ...WEEKDAYS_9_TO_5_NEW_YORK, time_zone: zone })).toEqual([["time_zone", "must be an IANA time zone name, like Europe/London."]]);
  });

  it("rejects a time zone that is not a string", () => {
    expect(issues({ ...WEEKDAYS_9_TO_5_NEW_YORK, time_zone: 2 })).toEqual([["time_zone", "must be an IANA time zone name, like Europe/London."]]);
  });

  it.each([
    [{ days: [] }, "days", "needs at least one day."],
    [{ days: ["monday"] }, "days.0", "must be one of sun, mon, tue, wed, thu, fri, sat."],
    [{ days: ["mon", "mon"] }, "days", "lists a day more than once."],
    [{ days: "mon" }, "days", "must be a list of days, like [\"mon\", \"tue\"]."],
    [{ start: "9:00" }, "start", "must be a time of day as HH:MM from 00:00 to 23:59."],
    [{ start: "24:00" }, "start", "must be a time of day as HH:MM from 00:00 to 23:59."],
    [{ end: "17:60" }, "end", "must be a time of day as HH:MM from 00:00 to 24:00."],
    [{ end: "24:01" }, "end", "must be a time of day as HH:MM from 00:00 to 24:00."],
    [{ start: "09:00", end: "09:00" }, "end", "must differ from start; use 00:00 to 24:00 for a whole day."],
    [{ weeks: [1] }, "", "Unrecognized key: \"weeks\""],
  ])("rejects %j", (change, path, message) => {
    expect(issues({ ...WEEKDAYS_9_TO_5_NEW_YORK, ...change })).toEqual([[path, message]]);
  });
});

describe("isTimeZone", () => {
  it("knows zone names in any letter case and aliases like UTC", () => {
    expect(["Europe/London", "europe/london", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5"].map(isTimeZone)).toEqual([true, true, true, true, true]);
  });
});

describe("storedScheduleSchema", () => {
  it("reads null as no schedule and a schedule that no longer validates as undefined", () => {
    expect(storedScheduleSchema.parse(null)).toBeNull();
    expect(storedScheduleSchema.parse(WEEKDAYS_9_TO_5_NEW_YORK)).toEqual(WEEKDAYS_9_TO_5_NEW_YORK);
    expect(storedScheduleSchema.parse(["not", "a", "schedule"])).toBeUndefined();
    expect(storedScheduleSchema.parse({ ...WEEKDAYS_9_TO_5_NEW_YORK, time_zone: "Nowhere/Land" })).toBeUndefined();
  });
});
