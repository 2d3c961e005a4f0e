import type { z } from "zod";
import { db } from "@/lib/db";
import type { Call } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids/new-id";
import { routeInboundCall } from "@/lib/routing/rules";
import type { inboundCallSchema } from "@/lib/routing/schemas";
import { emitWebhookEvent } from "@/lib/webhooks/outbox";
import { callProvider } from "./calls";
import { serializeCall } from "./serialize-call";

// Records a call arriving at one of the account's numbers, routed by its rules at arrival time.
// It starts ringing; the provider answers it from there like any other call.
export async function recordInboundCall(accountId: string, apiKeyId: string, input: z.infer<typeof inboundCallSchema>): Promise<Call> {
  const createdAt = new Date();
  const route = await routeInboundCall(accountId, input, createdAt);
  return db.$transaction(async (tx) => {
    const call = await tx.call.create({
      data: {
        id: newId("call", createdAt.getTime()),
        userId: accountId,
        apiKeyId,
        direction: "inbound",
        status: "ringing",
        to: input.to,
        from: input.from,
        // Only a rule names an agent; the fallback leaves the provider's default agent to answer.
        agent: route.rule_id !== null && route.action === "agent" ? route.target : null,
        provider: callProvider.name,
        routingRuleId: route.rule_id,
        routingAction: route.action,
        routingTarget: route.target,
        createdAt,
        ringingAt: createdAt,
        nextActionAt: callProvider.firstActionAt({ direction: "inbound", createdAt }),
      },
    });
    await emitWebhookEvent(tx, accountId, "inbound_call.routed", serializeCall(call));
    return call;
  });
}
