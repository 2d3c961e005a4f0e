import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rejection } from "@/lib/errors/expect-rejection";
import { newId } from "@/lib/ids/new-id";
import { listRulesInOrder, moveRoutingRule, nextRoutingPriority, whichRuleAnswers } from "./dashboard";
import { createRoutingRule } from "./rules";

async function createAccount() {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  return user.id;
}

async function createRules(accountId: string, names: string[], priority = 0) {
  for (const name of names) await createRoutingRule(accountId, { name, priority, action: "agent", target: name });
}

const namesOf = async (accountId: string) => (await listRulesInOrder(accountId)).map((rule) => rule.name);

describe("listRulesInOrder and nextRoutingPriority", () => {
  it("lists rules in evaluation order and places a new rule after the last", async () => {
    const accountId = await createAccount();
    expect(await nextRoutingPriority(accountId)).toBe(10);
    await createRoutingRule(accountId, { name: "late", priority: 50, action: "agent", target: "a" });
    await createRoutingRule(accountId, { name: "early", priority: 5, action: "agent", target: "a" });
    expect(await namesOf(accountId)).toEqual(["early", "late"]);
    expect(await nextRoutingPriority(accountId)).toBe(60);
  });
});

describe("moveRoutingRule", () => {
  it("swaps a rule with its neighbour and rewrites the priorities as positions", async () => {
    const accountId = await createAccount();
    // Equal priorities: creation order decides, as for calls.
    await createRules(accountId, ["a", "b", "c"]);
    const [, b] = await listRulesInOrder(accountId);

    await moveRoutingRule(accountId, b.id, "up");
    expect(await namesOf(accountId)).toEqual(["b", "a", "c"]);
    expect((await listRulesInOrder(accountId)).map((rule) => rule.priority)).toEqual([10, 20, 30]);

    await moveRoutingRule(accountId, b.id, "down");
    await moveRoutingRule(accountId, b.id, "down");
    expect(await namesOf(accountId)).toEqual(["a", "c", "b"]);
  });

  it("leaves the order alone at either end, and treats another account's rule as missing", async () => {
    const accountId = await createAccount();
    await createRules(accountId, ["a", "b"]);
    const [a, b] = await listRulesInOrder(accountId);
    await moveRoutingRule(accountId, a.id, "up");
    await moveRoutingRule(accountId, b.id, "down");
    expect(await namesOf(accountId)).toEqual(["a", "b"]);

    const intruder = await createAccount();
    expect((await rejection(moveRoutingRule(intruder, a.id, "down"))).kind).toBe("not_found");
    expect((await rejection(moveRoutingRule(accountId, newId("rule"), "down"))).kind).toBe("not_found");
  });
});

describe("whichRuleAnswers", () => {
  it("names the first matching rule, or none for the fallback", async () => {
    const accountId = await createAccount();
    await createRoutingRule(accountId, { name: "UK", priority: 1, caller_prefix: "+44", action: "forward", target: "+442079460000" });
    await createRoutingRule(accountId, {
      name: "Weekdays",
      priority: 2,
      schedule: { time_zone: "America/New_York", days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00" },
      action: "agent",
      target: "sales",
    });
    const wednesdayMorning = new Date("2026-01-14T15:00:00Z"); // 10:00 in New York
    const saturday = new Date("2026-01-17T15:00:00Z");

    const uk = await whichRuleAnswers(accountId, { from: "+442079460123", to: "+14155550100" }, saturday);
    expect(uk.rule?.name).toBe("UK");
    expect(uk.route).toMatchObject({ action: "forward", target: "+442079460000" });
    expect((await whichRuleAnswers(accountId, { from: "+14155550199", to: "+14155550100" }, wednesdayMorning)).rule?.name).toBe("Weekdays");
    const fallback = await whichRuleAnswers(accountId, { from: "+14155550199", to: "+14155550100" }, saturday);
    expect(fallback).toEqual({ route: { rule_id: null, action: "agent", target: "default" }, rule: null });
  });
});
