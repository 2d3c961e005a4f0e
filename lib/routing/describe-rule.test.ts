import { describe, expect, it } from "vitest";
import { describeAction, describeConditions, describeDays, describeSchedule } from "./describe-rule";

describe("describeDays", () => {
  it("writes runs of three or more days as a range, Monday first", () => {
    expect(describeDays(["mon", "tue", "wed", "thu", "fri"])).toBe("Monday to Friday");
    expect(describeDays(["sat", "sun"])).toBe("Saturday, Sunday");
    expect(describeDays(["fri", "mon", "tue", "wed"])).toBe("Monday to Wednesday and Friday");
    expect(describeDays(["sun", "mon", "tue", "wed", "thu", "fri", "sat"])).toBe("every day");
    expect(describeDays(["wed"])).toBe("Wednesday");
  });
});

describe("describeSchedule", () => {
  it("names the window, its time zone and a wrap past midnight", () => {
    expect(describeSchedule({ time_zone: "Europe/London", days: ["fri"], start: "22:00", end: "06:00" })).toBe(
      "Friday, 22:00 to 06:00 the next day (Europe/London time)",
    );
    expect(describeSchedule({ time_zone: "UTC", days: ["mon", "tue", "wed"], start: "00:00", end: "24:00" })).toBe("Monday to Wednesday, all day (UTC time)");
    expect(describeSchedule({ time_zone: "America/New_York", days: ["mon"], start: "09:00", end: "24:00" })).toBe("Monday, 09:00 to 24:00 (America/New_York time)");
  });
});

describe("describeConditions", () => {
  it("lists each condition the rule has", () => {
    expect(
      describeConditions({
        calledNumber: "+14155550100",
        callerPrefix: "+44",
        schedule: { time_zone: "Europe/London", days: ["sat", "sun"], start: "09:00", end: "17:00" },
      }),
    ).toEqual(["Calls to +14155550100", "from numbers starting +44", "Saturday, Sunday, 09:00 to 17:00 (Europe/London time)"]);
  });

  it("says a rule without conditions matches every call, and one with an unreadable schedule none", () => {
    expect(describeConditions({ calledNumber: null, callerPrefix: null, schedule: null })).toEqual(["Every call"]);
    expect(describeConditions({ calledNumber: null, callerPrefix: null, schedule: undefined })).toEqual([
      "never: its schedule is no longer valid, so the rule is skipped",
    ]);
  });
});

describe("describeAction", () => {
  it("says where the call goes", () => {
    expect(describeAction("forward", "+442079460000")).toBe("Forward to +442079460000");
    expect(describeAction("agent", "sales")).toBe('AI agent "sales" answers');
  });
});
