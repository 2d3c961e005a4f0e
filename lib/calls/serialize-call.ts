import { iso, storedStringMapSchema } from "@/lib/api/common-schemas";
import type { Call } from "@/lib/generated/prisma/client";
import { storedTranscriptSchema } from "./schemas";
import type { CallObject } from "./schemas";

// Typed by the documented call object: a field that drifts from callSchema fails typecheck.
export function serializeCall(call: Call): CallObject {
  return {
    id: call.id,
    object: "call" as const,
    direction: call.direction,
    status: call.status,
    to: call.to,
    from: call.from,
    agent: call.agent,
    contact_id: call.contactId,
    variables: storedStringMapSchema.parse(call.variables),
    metadata: storedStringMapSchema.parse(call.metadata),
    api_key_id: call.apiKeyId,
    provider: call.provider,
    routing:
      call.routingAction && call.routingTarget
        ? { rule_id: call.routingRuleId, action: call.routingAction, target: call.routingTarget }
        : null,
    duration_seconds: call.durationSeconds,
    transcript: storedTranscriptSchema.parse(call.transcript),
    summary: call.summary,
    created_at: call.createdAt.toISOString(),
    ringing_at: iso(call.ringingAt),
    answered_at: iso(call.answeredAt),
    ended_at: iso(call.endedAt),
  };
}
