export const WEBHOOK_EVENT_TYPES = [
  "call.queued",
  "call.ringing",
  "call.completed",
  "call.no_answer",
  "call.failed",
  "call.canceled",
  "inbound_call.routed",
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "api_key.created",
  "api_key.revoked",
  "api_key.expiring",
  "api_key.leaked",
  "ping",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const ALL_EVENTS = "*";
