import type { z } from "zod";
import type { Call } from "@/lib/generated/prisma/client";
import { routeInboundCall } from "@/lib/routing/rules";
import type { inboundCallSchema } from "@/lib/routing/schemas";
import { insertCall } from "./calls";

// Records a call arriving at one of the account's numbers, routed by its rules at arrival time.
// It starts ringing; the provider answers it from there like any other call.
export async function recordInboundCall(accountId: string, apiKeyId: string, input: z.infer<typeof inboundCallSchema>): Promise<Call> {
  const createdAt = new Date();
  const route = await routeInboundCall(accountId, input, createdAt);
  return insertCall(
    accountId,
    {
      apiKeyId,
      direction: "inbound",
      status: "ringing",
      to: input.to,
      from: input.from,
      // Only a rule names an agent; the fallback leaves the provider's default agent to answer.
      agent: route.rule_id !== null && route.action === "agent" ? route.target : null,
      routingRuleId: route.rule_id,
      routingAction: route.action,
      routingTarget: route.target,
      ringingAt: createdAt,
    },
    "inbound_call.routed",
    createdAt,
  );
}
