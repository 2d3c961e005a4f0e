import type { RoutingRule } from "@/lib/generated/prisma/client";
import { storedScheduleSchema } from "./schedule";
import type { RoutingRuleObject } from "./schemas";

// Typed by the documented routing rule object: a field that drifts from routingRuleSchema fails typecheck.
export function serializeRoutingRule(rule: RoutingRule): RoutingRuleObject {
  return {
    id: rule.id,
    object: "routing_rule" as const,
    name: rule.name,
    priority: rule.priority,
    called_number: rule.calledNumber,
    caller_prefix: rule.callerPrefix,
    schedule: storedScheduleSchema.parse(rule.schedule) ?? null,
    action: rule.action,
    target: rule.target,
    created_at: rule.createdAt.toISOString(),
    updated_at: rule.updatedAt.toISOString(),
  };
}
