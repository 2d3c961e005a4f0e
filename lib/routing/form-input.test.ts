import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { ruleEditFormSchema, ruleFormSchema, routingTestFormSchema } from "./form-input";

describe("ruleFormSchema", () => {
  it("reads the form into the API's rule, schedule included, normalizing the called number", () => {
    expect(
      ruleFormSchema.parse({
        name: "UK nights",
        called_number: "(415) 555-0100",
        caller_prefix: "+44",
        schedule_enabled: "on",
        time_zone: "Europe/London",
        day_mon: "on",
        day_fri: "on",
        start: "18:00",
        end: "09:00",
        action: "forward",
        target: "+442079460000",
      }),
    ).toEqual({
      name: "UK nights",
      priority: 0,
      called_number: "+14155550100",
      caller_prefix: "+44",
      schedule: { time_zone: "Europe/London", days: ["mon", "fri"], start: "18:00", end: "09:00" },
      action: "forward",
      target: "+442079460000",
    });
  });

  it("leaves blank conditions and an unticked schedule out", () => {
    expect(ruleFormSchema.parse({ name: "", called_number: "", caller_prefix: "", time_zone: "UTC", action: "agent", target: "default" })).toEqual({
      priority: 0,
      action: "agent",
      target: "default",
    });
  });

  it("refuses what the API refuses, by field", () => {
    const errors = (value: Record<string, string>) => ruleFormSchema.safeParse(value).error?.issues.map((issue) => issue.path[0]);
    expect(errors({ action: "forward", target: "sales" })).toEqual(["target"]);
    expect(errors({ action: "agent", target: "a", schedule_enabled: "on", time_zone: "UTC", start: "09:00", end: "17:00" })).toEqual(["schedule"]);
    expect(errors({ action: "agent", target: "a", caller_prefix: "44" })).toEqual(["caller_prefix"]);
  });
});

describe("ruleEditFormSchema", () => {
  it("clears blank conditions and an unticked schedule, and carries the rule id", () => {
    const id = newId("rule");
    expect(ruleEditFormSchema.parse({ rule_id: id, name: "", called_number: "", caller_prefix: "+1", action: "agent", target: "sales" })).toEqual({
      rule_id: id,
      name: null,
      called_number: null,
      caller_prefix: "+1",
      schedule: null,
      action: "agent",
      target: "sales",
    });
  });
});

describe("routingTestFormSchema", () => {
  it("normalizes both numbers and checks the time and zone", () => {
    expect(routingTestFormSchema.parse({ from: "+44 20 7946 0123", to: "415-555-0100", at: "2026-01-14T10:00", time_zone: "America/New_York" })).toEqual({
      from: "+442079460123",
      to: "+14155550100",
      at: "2026-01-14T10:00",
      time_zone: "America/New_York",
    });
    const result = routingTestFormSchema.safeParse({ from: "x", to: "+14155550100", at: "tomorrow", time_zone: "Mars/Base" });
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(["from", "at", "time_zone"]);
  });
});
