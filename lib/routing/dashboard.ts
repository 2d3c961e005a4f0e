import { lockAccount } from "@/lib/accounts/account-lock";
import { db } from "@/lib/db";
import type { RoutingRule } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { byEvaluationOrder, type IncomingCall } from "./match-rule";
import { routeInboundCall } from "./rules";
import { MAX_PRIORITY } from "./schemas";

// Reads and writes for the signed-in Routing page, scoped by the owner.

// Priorities the dashboard writes are spaced, so an API client can still slot a rule between two.
const PRIORITY_STEP = 10;

// Every rule of the account (at most MAX_ROUTING_RULES) in the order calls try them.
export async function listRulesInOrder(accountId: string): Promise<RoutingRule[]> {
  const rules = await db.routingRule.findMany({ where: { accountId } });
  return rules.sort(byEvaluationOrder);
}

// A rule made in the dashboard goes last, where the owner sees it appear.
export async function nextRoutingPriority(accountId: string): Promise<number> {
  const { _max } = await db.routingRule.aggregate({ where: { accountId }, _max: { priority: true } });
  return _max.priority === null ? PRIORITY_STEP : Math.min(_max.priority + PRIORITY_STEP, MAX_PRIORITY);
}

// Swaps the rule with its neighbour in evaluation order and writes every rule's priority as its
// new position (10, 20, 30…), in one transaction under the account's lock: two moves at once
// run one after the other, and the order never shows a half-written state.
export async function moveRoutingRule(accountId: string, ruleId: string, direction: "up" | "down"): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAccount(tx, accountId);
    const rules = (await tx.routingRule.findMany({ where: { accountId } })).sort(byEvaluationOrder);
    const from = rules.findIndex((rule) => rule.id === ruleId);
    if (from === -1) throw NotFoundError.of("routing rule", ruleId);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= rules.length) return;
    [rules[from], rules[to]] = [rules[to], rules[from]];
    for (const [index, rule] of rules.entries()) {
      const priority = Math.min((index + 1) * PRIORITY_STEP, MAX_PRIORITY);
      if (rule.priority !== priority) await tx.routingRule.update({ where: { id: rule.id }, data: { priority } });
    }
  });
}

// "Which rule answers this call?": the same routing an inbound call gets, with the rule it names.
export async function whichRuleAnswers(accountId: string, call: IncomingCall, at: Date) {
  const route = await routeInboundCall(accountId, call, at);
  const rule = route.rule_id ? await db.routingRule.findFirst({ where: { id: route.rule_id, accountId } }) : null;
  return { route, rule };
}
