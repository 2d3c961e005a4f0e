import { z } from "zod";
import { iso, parseStringMap } from "@/lib/api/common-schemas";
import type { Call } from "@/lib/generated/prisma/client";
import type { RoutingAction } from "@/lib/routing/match-rule";
import type { CallDirection, CallObject, CallStatus } from "./schemas";

const transcriptSchema = z.array(z.object({ speaker: z.string(), text: z.string() }));

// A damaged stored transcript reads as none rather than failing the whole call.
export function parseTranscript(json: string | null): { speaker: string; text: string }[] | null {
  if (!json) return null;
  try {
    const parsed = transcriptSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// Typed by the documented call object: a field that drifts from callSchema fails typecheck.
// The casts name the value sets the columns hold (stored as text until they become enums).
export function serializeCall(call: Call): CallObject {
  return {
    id: call.id,
    object: "call" as const,
    direction: call.direction as CallDirection,
    status: call.status as CallStatus,
    to: call.to,
    from: call.from,
    agent: call.agent,
    contact_id: call.contactId,
    variables: parseStringMap(call.variables),
    metadata: parseStringMap(call.metadata),
    api_key_id: call.apiKeyId,
    provider: call.provider,
    routing:
      call.routingAction && call.routingTarget
        ? { rule_id: call.routingRuleId, action: call.routingAction as RoutingAction, target: call.routingTarget }
        : null,
    duration_seconds: call.durationSeconds,
    transcript: parseTranscript(call.transcript),
    summary: call.summary,
    created_at: call.createdAt.toISOString(),
    ringing_at: iso(call.ringingAt),
    answered_at: iso(call.answeredAt),
    ended_at: iso(call.endedAt),
  };
}
