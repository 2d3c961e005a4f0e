import { describe, expect, it } from "vitest";
import { FALLBACK_ROUTE, matchRoutingRule, routeFor, ruleMatches, type RuleCriteria } from "./match-rule";

const NOW = new Date("2026-01-14T15:00:00Z"); // Wednesday: 10:00 in New York, 15:00 in London
const CALL = { from: "+442079460123", to: "+14155550100" };

let sequence = 0;
function rule(overrides: Partial<RuleCriteria> = {}): RuleCriteria {
  sequence += 1;
  return {
    id: `rule_${String(sequence).padStart(25, "0")}`,
    priority: 0,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)),
    calledNumber: null,
    callerPrefix: null,
    schedule: null,
    action: "agent",
    target: `Agent ${sequence}`,
    ...overrides,
  };
}

describe("ruleMatches", () => {
  it("treats a rule without conditions as a catch-all", () => {
    expect(ruleMatches(rule(), CALL, NOW)).toBe(true);
    expect(ruleMatches(rule(), { from: "+81312345678", to: "+33123456789" }, NOW)).toBe(true);
  });

  it("matches the called number exactly", () => {
    expect(ruleMatches(rule({ calledNumber: "+14155550100" }), CALL, NOW)).toBe(true);
    expect(ruleMatches(rule({ calledNumber: "+14155550101" }), CALL, NOW)).toBe(false);
    expect(ruleMatches(rule({ calledNumber: "+1415555010" }), CALL, NOW)).toBe(false);
  });

  it("matches callers whose number starts with the prefix", () => {
    expect(ruleMatches(rule({ callerPrefix: "+44" }), CALL, NOW)).toBe(true);
    expect(ruleMatches(rule({ callerPrefix: "+4420" }), CALL, NOW)).toBe(true);
    expect(ruleMatches(rule({ callerPrefix: "+442079460123" }), CALL, NOW)).toBe(true);
    expect(ruleMatches(rule({ callerPrefix: "+1" }), CALL, NOW)).toBe(false);
    expect(ruleMatches(rule({ callerPrefix: "+4421" }), CALL, NOW)).toBe(false);
    // The prefix is compared with the caller, never the number called.
    expect(ruleMatches(rule({ callerPrefix: "+1415" }), CALL, NOW)).toBe(false);
  });

  it("matches inside the schedule only", () => {
    const londonMornings = rule({ schedule: { time_zone: "Europe/London", days: ["wed"], start: "09:00", end: "12:00" } });
    const newYorkMornings = rule({ schedule: { time_zone: "America/New_York", days: ["wed"], start: "09:00", end: "12:00" } });
    expect(ruleMatches(londonMornings, CALL, NOW)).toBe(false);
    expect(ruleMatches(newYorkMornings, CALL, NOW)).toBe(true);
  });

  it("needs every condition it has to hold", () => {
    const schedule = { time_zone: "America/New_York", days: ["wed" as const], start: "09:00", end: "12:00" };
    const all = { calledNumber: "+14155550100", callerPrefix: "+44", schedule };
    expect(ruleMatches(rule(all), CALL, NOW)).toBe(true);
    expect(ruleMatches(rule({ ...all, calledNumber: "+14155550199" }), CALL, NOW)).toBe(false);
    expect(ruleMatches(rule({ ...all, callerPrefix: "+33" }), CALL, NOW)).toBe(false);
    expect(ruleMatches(rule({ ...all, schedule: { ...schedule, days: ["thu"] } }), CALL, NOW)).toBe(false);
  });
});

describe("matchRoutingRule", () => {
  it("answers null when there are no rules or none matches", () => {
    expect(matchRoutingRule([], CALL, NOW)).toBeNull();
    expect(matchRoutingRule([rule({ calledNumber: "+14155550199" }), rule({ callerPrefix: "+1" })], CALL, NOW)).toBeNull();
  });

  it("evaluates the lowest priority number first, whatever the order given", () => {
    const catchAll = rule({ priority: 100 });
    const uk = rule({ priority: 10, callerPrefix: "+44" });
    const line = rule({ priority: 5, calledNumber: "+14155550100" });
    expect(matchRoutingRule([catchAll, uk, line], CALL, NOW)).toBe(line);
    expect(matchRoutingRule([line, catchAll, uk], CALL, NOW)).toBe(line);
    expect(matchRoutingRule([catchAll, uk], CALL, NOW)).toBe(uk);
    expect(matchRoutingRule([catchAll, uk], { ...CALL, from: "+14155550123" }, NOW)).toBe(catchAll);
  });

  it("passes over a higher-priority rule that does not match", () => {
    const frenchCallers = rule({ priority: 1, callerPrefix: "+33" });
    const fallbackRule = rule({ priority: 2 });
    expect(matchRoutingRule([frenchCallers, fallbackRule], CALL, NOW)).toBe(fallbackRule);
  });

  it("breaks priority ties by the oldest rule", () => {
    const older = rule({ priority: 7, createdAt: new Date("2026-01-01T00:00:00Z") });
    const newer = rule({ priority: 7, createdAt: new Date("2026-01-02T00:00:00Z") });
    expect(matchRoutingRule([newer, older], CALL, NOW)).toBe(older);
    expect(matchRoutingRule([older, newer], CALL, NOW)).toBe(older);
  });

  it("breaks a tie in creation time by id, so the answer never depends on input order", () => {
    const createdAt = new Date("2026-01-01T00:00:00Z");
    const first = rule({ id: "rule_000000000aaaaaaaaaaaaaaaa", createdAt });
    const second = rule({ id: "rule_000000000bbbbbbbbbbbbbbbb", createdAt });
    expect(matchRoutingRule([second, first], CALL, NOW)).toBe(first);
    expect(matchRoutingRule([first, second], CALL, NOW)).toBe(first);
  });

  it("lets a scheduled rule win only inside its window", () => {
    const afterHours = rule({
      priority: 1,
      action: "forward",
      target: "+442079460000",
      schedule: { time_zone: "America/New_York", days: ["mon", "tue", "wed", "thu", "fri"], start: "17:00", end: "09:00" },
    });
    const office = rule({ priority: 2 });
    expect(matchRoutingRule([afterHours, office], CALL, new Date("2026-01-14T15:00:00Z"))).toBe(office); // Wed 10:00
    expect(matchRoutingRule([afterHours, office], CALL, new Date("2026-01-14T23:00:00Z"))).toBe(afterHours); // Wed 18:00
    expect(matchRoutingRule([afterHours, office], CALL, new Date("2026-01-15T13:00:00Z"))).toBe(afterHours); // Thu 08:00
    expect(matchRoutingRule([afterHours, office], CALL, new Date("2026-01-17T13:00:00Z"))).toBe(afterHours); // Sat 08:00, Friday's window
    expect(matchRoutingRule([afterHours, office], CALL, new Date("2026-01-18T13:00:00Z"))).toBe(office); // Sun 08:00, no Saturday window
  });

  it("does not reorder the caller's array", () => {
    const rules = [rule({ priority: 3 }), rule({ priority: 1 })];
    const copy = [...rules];
    matchRoutingRule(rules, CALL, NOW);
    expect(rules).toEqual(copy);
  });
});

describe("routeFor", () => {
  it("routes by the matched rule", () => {
    const forward = rule({ action: "forward", target: "+442079460000" });
    expect(routeFor(forward)).toEqual({ rule_id: forward.id, action: "forward", target: "+442079460000" });
  });

  it("falls back to the default agent", () => {
    expect(routeFor(null)).toEqual({ rule_id: null, action: "agent", target: "default" });
    expect(routeFor(null)).toBe(FALLBACK_ROUTE);
    expect(Object.isFrozen(FALLBACK_ROUTE)).toBe(true);
  });
});
