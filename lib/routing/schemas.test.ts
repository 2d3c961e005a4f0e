import { describe, expect, it } from "vitest";
import { createRoutingRuleSchema, inboundCallSchema, listRoutingRulesQuerySchema, updateRoutingRuleSchema } from "./schemas";

function issues(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

const AGENT_RULE = { action: "agent", target: "Front desk" };

describe("createRoutingRuleSchema", () => {
  it("needs only an action and a target; priority defaults to 0", () => {
    expect(createRoutingRuleSchema.parse(AGENT_RULE)).toEqual({ ...AGENT_RULE, priority: 0 });
  });

  it("keeps every condition", () => {
    const rule = {
      name: "UK after hours",
      priority: 10,
      called_number: "+14155550100",
      caller_prefix: "+44",
      schedule: { time_zone: "Europe/London", days: ["mon"], start: "18:00", end: "09:00" },
      action: "forward",
      target: "+442079460000",
    };
    expect(createRoutingRuleSchema.parse(rule)).toEqual(rule);
  });

  it("trims the name and the agent's name", () => {
    expect(createRoutingRuleSchema.parse({ name: "  Main ", action: "agent", target: " Front desk " })).toMatchObject({ name: "Main", target: "Front desk" });
  });

  it.each([
    [{ priority: 1.5 }, "priority", "must be a whole number from 0 to 1000000."],
    [{ priority: -1 }, "priority", "must be a whole number from 0 to 1000000."],
    [{ priority: 1_000_001 }, "priority", "must be a whole number from 0 to 1000000."],
    [{ priority: "1" }, "priority", "must be a whole number from 0 to 1000000."],
    [{ called_number: "4155550100" }, "called_number", "must be a phone number, like +14155550123 or (415) 555-0123."],
    [{ caller_prefix: "44" }, "caller_prefix", "must be \"+\" and up to 15 digits, like +44 or +1415."],
    [{ caller_prefix: "+" }, "caller_prefix", "must be \"+\" and up to 15 digits, like +44 or +1415."],
    [{ caller_prefix: "+0" }, "caller_prefix", "must be \"+\" and up to 15 digits, like +44 or +1415."],
    [{ action: "voicemail" }, "action", "must be \"agent\" or \"forward\"."],
    [{ target: "" }, "target", "cannot be empty."],
    [{ target: "x".repeat(101) }, "target", "can be at most 100 characters."],
    [{ action: "forward", target: "Reception" }, "target", "must be a phone number in E.164 format, like +14155550123, when action is \"forward\"."],
    [{ schedule: { time_zone: "Mars/Base", days: ["mon"], start: "09:00", end: "17:00" } }, "schedule.time_zone", "must be an IANA time zone name, like Europe/London."],
    [{ name: 7 }, "name", "must be a string."],
  ])("rejects %j", (change, path, message) => {
    expect(issues(createRoutingRuleSchema.safeParse({ ...AGENT_RULE, ...change }))).toEqual([[path, message]]);
  });

  it("names missing action and target", () => {
    expect(issues(createRoutingRuleSchema.safeParse({}))).toEqual([
      ["action", "is required: \"agent\" or \"forward\"."],
      ["target", "is required: an agent's name or a phone number."],
    ]);
  });

  it("rejects unknown fields", () => {
    const result = createRoutingRuleSchema.safeParse({ ...AGENT_RULE, called: "+14155550100" });
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["called"] });
  });
});

describe("updateRoutingRuleSchema", () => {
  it("accepts any subset, and null to clear a condition", () => {
    expect(updateRoutingRuleSchema.parse({})).toEqual({});
    expect(updateRoutingRuleSchema.parse({ schedule: null, caller_prefix: null, priority: 3 })).toEqual({ schedule: null, caller_prefix: null, priority: 3 });
  });

  it("validates each field it is given", () => {
    expect(issues(updateRoutingRuleSchema.safeParse({ called_number: "+1" }))).toEqual([
      ["called_number", "must be a phone number, like +14155550123 or (415) 555-0123."],
    ]);
    expect(issues(updateRoutingRuleSchema.safeParse({ action: null }))).toEqual([["action", "must be \"agent\" or \"forward\"."]]);
  });
});

describe("inboundCallSchema", () => {
  it("needs two E.164 numbers", () => {
    expect(inboundCallSchema.parse({ from: "+442079460123", to: "+14155550100" })).toEqual({ from: "+442079460123", to: "+14155550100" });
    expect(issues(inboundCallSchema.safeParse({ from: "anonymous", to: "+14155550100" }))).toEqual([
      ["from", "must be a phone number, like +14155550123 or (415) 555-0123."],
    ]);
  });
});

describe("listRoutingRulesQuerySchema", () => {
  it("pages by rule id", () => {
    expect(listRoutingRulesQuerySchema.parse({ limit: "2" })).toEqual({ limit: 2 });
    expect(issues(listRoutingRulesQuerySchema.safeParse({ starting_after: "contact_0000000000000000000000000" }))).toEqual([
      ["starting_after", "must be the id of a rule object."],
    ]);
  });
});
