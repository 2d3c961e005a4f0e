"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { moveRoutingRule, nextRoutingPriority, whichRuleAnswers } from "@/lib/routing/dashboard";
import { describeAction } from "@/lib/routing/describe-rule";
import { moveRuleFormSchema, ruleEditFormSchema, ruleFormSchema, ruleIdSchema, routingTestFormSchema } from "@/lib/routing/form-input";
import { createRoutingRule, deleteRoutingRule, updateRoutingRule } from "@/lib/routing/rules";
import { instantOfWallClock } from "@/lib/routing/wall-clock";

const ROUTING_PATH = "/routing";

export const createRuleAction = validatedActionWithUser(ruleFormSchema, async (input, user) => {
  await createRoutingRule(user.id, { ...input, priority: await nextRoutingPriority(user.id) });
  revalidatePath(ROUTING_PATH);
  return { data: true };
});

export const updateRuleAction = validatedActionWithUser(ruleEditFormSchema, async ({ rule_id, ...patch }, user) => {
  await updateRoutingRule(user.id, rule_id, patch);
  revalidatePath(ROUTING_PATH);
  return { data: true };
});

export const moveRuleAction = validatedActionWithUser(moveRuleFormSchema, async ({ rule_id, direction }, user) => {
  await moveRoutingRule(user.id, rule_id, direction);
  revalidatePath(ROUTING_PATH);
  return { data: true };
});

export const deleteRuleAction = validatedActionWithUser(z.object({ rule_id: ruleIdSchema }), async ({ rule_id }, user) => {
  await deleteRoutingRule(user.id, rule_id);
  revalidatePath(ROUTING_PATH);
  return { data: true };
});

export type RoutingTestResult = { ruleId: string | null; ruleName: string | null; outcome: string };

export const testRoutingAction = validatedActionWithUser(routingTestFormSchema, async ({ from, to, at, time_zone }, user) => {
  const { route, rule } = await whichRuleAnswers(user.id, { from, to }, instantOfWallClock(at, time_zone));
  const result: RoutingTestResult = {
    ruleId: route.rule_id,
    ruleName: rule?.name ?? null,
    outcome: describeAction(route.action, route.target),
  };
  return { data: result };
});
