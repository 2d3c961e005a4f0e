import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids/new-id";
import { FALLBACK_ROUTE } from "./match-rule";
import { MAX_ROUTING_RULES, createRoutingRule, deleteRoutingRule, getRoutingRule, listRoutingRules, routeInboundCall, updateRoutingRule } from "./rules";
import { createRoutingRuleSchema } from "./schemas";
import { serializeRoutingRule } from "./serialize-routing-rule";
import { rejection } from "@/lib/errors/expect-rejection";

const CALL = { from: "+442079460123", to: "+14155550100" };
const NOW = new Date("2026-01-14T15:00:00Z"); // Wednesday 10:00 in New York

async function createAccount() {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  return user.id;
}

function create(accountId: string, input: Record<string, unknown>) {
  return createRoutingRule(accountId, createRoutingRuleSchema.parse(input));
}

describe("createRoutingRule", () => {
  it("stores the rule and serializes it in snake_case", async () => {
    const accountId = await createAccount();
    const schedule = { time_zone: "Europe/London", days: ["mon", "fri"], start: "18:00", end: "09:00" };
    const rule = await create(accountId, { name: "UK nights", priority: 4, caller_prefix: "+44", schedule, action: "forward", target: "+442079460000" });

    expect(rule.id).toMatch(/^rule_[0-9a-z]{25}$/);
    expect(serializeRoutingRule(rule)).toEqual({
      id: rule.id,
      object: "routing_rule",
      name: "UK nights",
      priority: 4,
      called_number: null,
      caller_prefix: "+44",
      schedule,
      action: "forward",
      target: "+442079460000",
      created_at: rule.createdAt.toISOString(),
      updated_at: rule.updatedAt.toISOString(),
    });
  });
});

describe(`the ${MAX_ROUTING_RULES}-rule limit`, () => {
  it("refuses the rule after the last one with a clear error and creates nothing", async () => {
    const accountId = await createAccount();
    await db.routingRule.createMany({
      data: Array.from({ length: MAX_ROUTING_RULES - 1 }, (_, i) => ({ id: newId("rule"), accountId, priority: i, action: "agent", target: "Desk" })),
    });
    await create(accountId, { priority: 1, action: "agent", target: "Last" });
    const error = await rejection(create(accountId, { priority: 1, action: "agent", target: "Too many" }));
    expect(error).toMatchObject({ kind: "limit_reached", code: "routing_rule_limit_reached" });
    expect(error.message).toContain(`at most ${MAX_ROUTING_RULES} routing rules`);
    expect(await db.routingRule.count({ where: { accountId } })).toBe(MAX_ROUTING_RULES);
    // Per account.
    await expect(create(await createAccount(), { priority: 1, action: "agent", target: "Fine" })).resolves.toBeDefined();
  });
});

describe("listRoutingRules", () => {
  it("pages newest first without repeats and shows only the account's rules", async () => {
    const accountId = await createAccount();
    const other = await createAccount();
    await create(other, { action: "agent", target: "Theirs" });
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await create(accountId, { action: "agent", target: `Agent ${i}` }));

    const seen: string[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const rows = await listRoutingRules(accountId, { limit: 2, starting_after: startingAfter });
      const page = rows.slice(0, 2);
      seen.push(...page.map((rule) => rule.id));
      if (rows.length <= 2) break;
      startingAfter = page[page.length - 1].id;
    }
    // Ids sort by creation time to the millisecond; rules made within one millisecond may come in any order.
    expect(seen).toEqual([...seen].sort().reverse());
    expect(new Set(seen)).toEqual(new Set(created.map((rule) => rule.id)));
    expect(seen).toHaveLength(5);
  });
});

describe("getRoutingRule", () => {
  it("answers not_found for another account's rule as for a missing one", async () => {
    const owner = await createAccount();
    const intruder = await createAccount();
    const rule = await create(owner, { action: "agent", target: "Front desk" });

    expect((await getRoutingRule(owner, rule.id)).id).toBe(rule.id);
    const foreign = await rejection(getRoutingRule(intruder, rule.id));
    const missing = await rejection(getRoutingRule(owner, newId("rule")));
    expect([foreign.kind, foreign.code, foreign.field]).toEqual(["not_found", "resource_missing", "id"]);
    expect([missing.kind, missing.code]).toEqual(["not_found", "resource_missing"]);
  });
});

describe("updateRoutingRule", () => {
  it("changes only the fields given and clears conditions sent as null", async () => {
    const accountId = await createAccount();
    const schedule = { time_zone: "UTC", days: ["sat"], start: "10:00", end: "12:00" };
    const rule = await create(accountId, { name: "Weekend", priority: 2, caller_prefix: "+44", schedule, action: "agent", target: "Weekend desk" });

    const updated = await updateRoutingRule(accountId, rule.id, { priority: 9, schedule: null });
    expect(serializeRoutingRule(updated)).toMatchObject({ name: "Weekend", priority: 9, caller_prefix: "+44", schedule: null, action: "agent", target: "Weekend desk" });
  });

  it("validates the merged rule: a forward needs a phone number whichever field changes", async () => {
    const accountId = await createAccount();
    const rule = await create(accountId, { action: "agent", target: "Reception" });

    const error = await rejection(updateRoutingRule(accountId, rule.id, { action: "forward" }));
    expect([error.kind, error.code, error.field]).toEqual(["invalid_input", "invalid_parameter", "target"]);
    expect(error.message).toBe("target: must be a phone number in E.164 format, like +14155550123, when action is \"forward\".");
    expect(await db.routingRule.findUniqueOrThrow({ where: { id: rule.id } })).toEqual(rule);

    const forwarded = await updateRoutingRule(accountId, rule.id, { action: "forward", target: "+442079460000" });
    expect([forwarded.action, forwarded.target]).toEqual(["forward", "+442079460000"]);
    const back = await rejection(updateRoutingRule(accountId, rule.id, { target: "Reception" }));
    expect(back.field).toBe("target");
  });

  it("leaves another account's rule untouched and answers not_found", async () => {
    const owner = await createAccount();
    const intruder = await createAccount();
    const rule = await create(owner, { action: "agent", target: "Front desk" });

    const error = await rejection(updateRoutingRule(intruder, rule.id, { target: "Hijacked" }));
    expect(error.kind).toBe("not_found");
    expect(await db.routingRule.findUniqueOrThrow({ where: { id: rule.id } })).toEqual(rule);
  });
});

describe("deleteRoutingRule", () => {
  it("deletes the account's rule once, and never another account's", async () => {
    const owner = await createAccount();
    const intruder = await createAccount();
    const rule = await create(owner, { action: "agent", target: "Front desk" });

    expect((await rejection(deleteRoutingRule(intruder, rule.id))).kind).toBe("not_found");
    expect(await db.routingRule.count({ where: { id: rule.id } })).toBe(1);

    await deleteRoutingRule(owner, rule.id);
    expect(await db.routingRule.count({ where: { id: rule.id } })).toBe(0);
    expect((await rejection(deleteRoutingRule(owner, rule.id))).kind).toBe("not_found");
  });
});

describe("routeInboundCall", () => {
  it("routes by the account's own rules in priority order", async () => {
    const accountId = await createAccount();
    const other = await createAccount();
    await create(other, { priority: 0, action: "forward", target: "+33123456789" });
    await create(accountId, { priority: 50, action: "agent", target: "Everyone else" });
    const uk = await create(accountId, { priority: 10, caller_prefix: "+44", action: "forward", target: "+442079460000" });

    expect(await routeInboundCall(accountId, CALL, NOW)).toEqual({ rule_id: uk.id, action: "forward", target: "+442079460000" });
  });

  it("falls back to the default agent when nothing matches or there are no rules", async () => {
    const accountId = await createAccount();
    expect(await routeInboundCall(accountId, CALL, NOW)).toEqual(FALLBACK_ROUTE);
    await create(accountId, { called_number: "+14155550199", action: "agent", target: "Other line" });
    expect(await routeInboundCall(accountId, CALL, NOW)).toEqual(FALLBACK_ROUTE);
  });

  it("honours the schedule at the given instant", async () => {
    const accountId = await createAccount();
    const schedule = { time_zone: "America/New_York", days: ["mon", "tue", "wed", "thu", "fri"], start: "09:00", end: "17:00" };
    const office = await create(accountId, { priority: 1, schedule, action: "agent", target: "Office" });
    const night = await create(accountId, { priority: 2, action: "agent", target: "Night desk" });

    expect((await routeInboundCall(accountId, CALL, NOW)).rule_id).toBe(office.id);
    expect((await routeInboundCall(accountId, CALL, new Date("2026-01-14T23:00:00Z"))).rule_id).toBe(night.id);
  });

  it("skips a rule whose stored schedule is damaged instead of treating it as always on", async () => {
    const accountId = await createAccount();
    const damaged = await create(accountId, { priority: 1, action: "agent", target: "Damaged" });
    await db.routingRule.update({ where: { id: damaged.id }, data: { schedule: "{oops" } });
    const catchAll = await create(accountId, { priority: 2, action: "agent", target: "Catch-all" });

    expect((await routeInboundCall(accountId, CALL, NOW)).rule_id).toBe(catchAll.id);
  });
});
