import type { RoutingRule } from "@/lib/generated/prisma/client";
import { storedScheduleSchema } from "./schedule";

export function serializeRoutingRule(rule: RoutingRule) {
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
