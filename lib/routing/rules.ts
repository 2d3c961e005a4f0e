import type { z } from "zod";
import { pageWhere } from "@/lib/api/pagination";
import { parseInput } from "@/lib/api/request-input";
import { assertUnderCap, lockAccount } from "@/lib/accounts/account-lock";
import { db } from "@/lib/db";
import { Prisma, type RoutingRule } from "@/lib/generated/prisma/client";
import { LimitReachedError, NotFoundError } from "@/lib/errors/domain-errors";
import { newId } from "@/lib/ids/new-id";
import { matchRoutingRule, routeFor, type IncomingCall, type Route, type RuleCriteria } from "./match-rule";
import { storedScheduleSchema } from "./schedule";
import { createRoutingRuleSchema, type listRoutingRulesQuerySchema, type RoutingRuleInput, type RoutingRulePatch } from "./schemas";

const notFound = (id: string) => NotFoundError.of("routing rule", id);

function columnsOf(input: RoutingRuleInput) {
  return {
    name: input.name ?? null,
    priority: input.priority,
    calledNumber: input.called_number ?? null,
    callerPrefix: input.caller_prefix ?? null,
    // Prisma takes no plain null for a Json column: DbNull stores SQL NULL ("always").
    schedule: input.schedule ?? Prisma.DbNull,
    action: input.action,
    target: input.target,
  };
}

function inputOf(rule: RoutingRule): RoutingRuleInput {
  return {
    name: rule.name,
    priority: rule.priority,
    called_number: rule.calledNumber,
    caller_prefix: rule.callerPrefix,
    schedule: storedScheduleSchema.parse(rule.schedule) ?? null,
    action: rule.action,
    target: rule.target,
  };
}

// Every inbound call reads all of an account's rules, so their number is capped.
export const MAX_ROUTING_RULES = 200;

const routingRuleLimitReached = () =>
  new LimitReachedError(
    "routing_rule_limit_reached",
    `An account can have at most ${MAX_ROUTING_RULES} routing rules. Delete rules you no longer use, or combine them.`,
  );

export async function createRoutingRule(accountId: string, input: RoutingRuleInput): Promise<RoutingRule> {
  const createdAt = new Date();
  return db.$transaction(async (tx) => {
    await lockAccount(tx, accountId, createdAt);
    assertUnderCap(await tx.routingRule.count({ where: { accountId } }), MAX_ROUTING_RULES, routingRuleLimitReached);
    return tx.routingRule.create({
      data: { id: newId("rule", createdAt.getTime()), accountId: accountId, createdAt, ...columnsOf(input) },
    });
  });
}

export async function listRoutingRules(accountId: string, query: z.infer<typeof listRoutingRulesQuerySchema>): Promise<RoutingRule[]> {
  return db.routingRule.findMany({
    where: { accountId: accountId, ...pageWhere(query.starting_after) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
}

// Another account's rule is indistinguishable from a missing one.
export async function getRoutingRule(accountId: string, id: string): Promise<RoutingRule> {
  const rule = await db.routingRule.findFirst({ where: { id, accountId: accountId } });
  if (!rule) throw notFound(id);
  return rule;
}

// The patch is merged over the stored rule and the result validated as a whole (a forward
// target must be a phone number whichever of the two fields changed).
export async function updateRoutingRule(accountId: string, id: string, patch: RoutingRulePatch): Promise<RoutingRule> {
  return db.$transaction(async (tx) => {
    // Writing first takes the row's lock, so a concurrent PATCH waits instead of validating
    // against a state this one is about to change.
    const { count } = await tx.routingRule.updateMany({ where: { id, accountId: accountId }, data: { updatedAt: new Date() } });
    if (count === 0) throw notFound(id);
    const stored = await tx.routingRule.findUniqueOrThrow({ where: { id } });
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const merged = parseInput(createRoutingRuleSchema, { ...inputOf(stored), ...changes });
    return tx.routingRule.update({ where: { id: stored.id }, data: columnsOf(merged) });
  });
}

export async function deleteRoutingRule(accountId: string, id: string): Promise<void> {
  const { count } = await db.routingRule.deleteMany({ where: { id, accountId: accountId } });
  if (count === 0) throw notFound(id);
}

function criteriaOf(rule: RoutingRule): RuleCriteria | null {
  const schedule = storedScheduleSchema.parse(rule.schedule);
  if (schedule === undefined) return null;
  return {
    id: rule.id,
    priority: rule.priority,
    createdAt: rule.createdAt,
    calledNumber: rule.calledNumber,
    callerPrefix: rule.callerPrefix,
    schedule,
    action: rule.action,
    target: rule.target,
  };
}

// Where an incoming call to the account goes at `now`: the first matching rule, or FALLBACK_ROUTE.
export async function routeInboundCall(accountId: string, call: IncomingCall, now: Date): Promise<Route> {
  const rows = await db.routingRule.findMany({ where: { accountId: accountId } });
  const rules = rows.map(criteriaOf).filter((rule): rule is RuleCriteria => rule !== null);
  return routeFor(matchRoutingRule(rules, call, now));
}
