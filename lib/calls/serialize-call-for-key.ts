import { allows, scopesOf, type StoredPermissions } from "@/lib/api-keys/permissions";
import type { Call } from "@/lib/generated/prisma/client";
import type { CallObject } from "./schemas";
import { serializeCall } from "./serialize-call";

// An inbound call's routing decision (rule, action, target; and the agent, which is the target
// when a rule names one) is routing data: a key without Routing: Read sees the call without it.
export function serializeCallForKey(call: Call, apiKey: StoredPermissions): CallObject {
  return callForKey(serializeCall(call), apiKey);
}

// The same for a call object already serialized (one a webhook event carries).
export function callForKey(call: CallObject, apiKey: StoredPermissions): CallObject {
  if (call.direction !== "inbound" || allows(scopesOf(apiKey), "routing:read")) return call;
  return { ...call, agent: null, routing: null };
}
