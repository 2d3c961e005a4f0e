import { allows, RESOURCES, type Permission, type Scopes } from "@/lib/api-keys/permissions";
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";

const EVERY_READ = RESOURCES.map((resource) => `${resource}:read` as Permission);

// Subscribing to an event is reading its payload, so it needs read permission on what the payload
// shows: otherwise a key with only Webhooks: Write could receive call transcripts it may not GET.
// Inbound routing decisions carry the routing target; key events describe the whole account.
const EVENT_PERMISSIONS: Record<WebhookEventType, Permission[]> = {
  "call.queued": ["calls:read"],
  "call.ringing": ["calls:read"],
  "call.completed": ["calls:read"],
  "call.no_answer": ["calls:read"],
  "call.failed": ["calls:read"],
  "call.canceled": ["calls:read"],
  "inbound_call.routed": ["calls:read", "routing:read"],
  "contact.created": ["contacts:read"],
  "contact.updated": ["contacts:read"],
  "contact.deleted": ["contacts:read"],
  "api_key.created": EVERY_READ,
  "api_key.revoked": EVERY_READ,
  "api_key.expiring": EVERY_READ,
  "api_key.leaked": EVERY_READ,
  ping: [],
};

// "*" is every event, now and later, so it needs every read permission.
export function permissionsToSubscribe(events: readonly string[]): Permission[] {
  const needed = events.flatMap((event) =>
    event === ALL_EVENTS ? EVERY_READ : (EVENT_PERMISSIONS[event as WebhookEventType] ?? EVERY_READ),
  );
  return [...new Set(needed)].sort();
}

export function missingSubscribePermissions(events: readonly string[], scopes: Scopes): Permission[] {
  return permissionsToSubscribe(events).filter((permission) => !allows(scopes, permission));
}

// The event types a key may read through GET /api/v1/events: the same rule as subscribing, so a
// key sees an event only if it could read what the event shows.
export function readableEventTypes(scopes: Scopes): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => EVENT_PERMISSIONS[type].every((permission) => allows(scopes, permission)));
}
