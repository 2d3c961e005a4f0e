import type { StoredPermissions } from "@/lib/api-keys/permissions";
import { callForKey } from "@/lib/calls/serialize-call-for-key";
import type { CallObject } from "@/lib/calls/schemas";
import type { EventObject } from "@/lib/webhooks/event-payloads";

export type StoredEvent = { id: string; type: string; payload: string };

// The stored payload is the exact body emitWebhookEvent built from the typed data and that every
// endpoint received, so it is answered as it is, not re-validated. Events stored before the envelope
// carried `object` get it here. A call event is shown as GET /calls/{id} shows the call to this
// key: an inbound call's routing decision only with Routing: Read.
export function serializeEventForKey(event: StoredEvent, apiKey: StoredPermissions): EventObject {
  const stored = JSON.parse(event.payload) as EventObject;
  const data = event.type.startsWith("call.") ? callForKey(stored.data as CallObject, apiKey) : stored.data;
  return { id: event.id, object: "event", type: stored.type, created_at: stored.created_at, data } as EventObject;
}
