import type { RoutingAction } from "@/lib/generated/prisma/enums";
import { isWithinSchedule, type Schedule } from "./schedule";

export type { RoutingAction };

// What evaluation needs of a rule; rules.ts maps stored rows to this.
export type RuleCriteria = {
  id: string;
  priority: number;
  createdAt: Date;
  calledNumber: string | null;
  callerPrefix: string | null;
  schedule: Schedule | null;
  action: RoutingAction;
  target: string;
};

export type IncomingCall = { from: string; to: string };

export type Route = { rule_id: string | null; action: RoutingAction; target: string };

// Where a call goes when no rule matches: the account's default agent.
export const FALLBACK_ROUTE: Route = Object.freeze({ rule_id: null, action: "agent", target: "default" });

// The order rules are tried in; the dashboard lists them in it too.
export function byEvaluationOrder(a: Pick<RuleCriteria, "priority" | "createdAt" | "id">, b: Pick<RuleCriteria, "priority" | "createdAt" | "id">): number {
  return a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// A rule without conditions matches every call; each condition it has must hold.
export function ruleMatches(rule: RuleCriteria, call: IncomingCall, now: Date): boolean {
  if (rule.calledNumber !== null && rule.calledNumber !== call.to) return false;
  if (rule.callerPrefix !== null && !call.from.startsWith(rule.callerPrefix)) return false;
  if (rule.schedule !== null && !isWithinSchedule(rule.schedule, now)) return false;
  return true;
}

// Lowest priority number first; among equal priorities the oldest rule wins.
export function matchRoutingRule(rules: readonly RuleCriteria[], call: IncomingCall, now: Date): RuleCriteria | null {
  return [...rules].sort(byEvaluationOrder).find((rule) => ruleMatches(rule, call, now)) ?? null;
}

export function routeFor(rule: RuleCriteria | null): Route {
  return rule ? { rule_id: rule.id, action: rule.action, target: rule.target } : FALLBACK_ROUTE;
}
