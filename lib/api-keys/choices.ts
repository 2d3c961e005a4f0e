// The choices the key dialogs offer, with their labels. Kept free of zod (and of anything else
// heavy) because client components import them: zod alone was ~49 kB gzip of the Integration
// Settings page. The schemas that validate these choices are in schemas.ts and permissions.ts.

import type { ApiKeyAccess } from "@/lib/generated/prisma/enums";

export const RESOURCES = ["calls", "contacts", "routing", "webhooks"] as const;
export type Resource = (typeof RESOURCES)[number];

export const LEVELS = ["none", "read", "write"] as const;
export type Level = (typeof LEVELS)[number];

export const RESOURCE_LABELS: Record<Resource, string> = { calls: "Calls", contacts: "Contacts", routing: "Routing", webhooks: "Webhooks" };
export const LEVEL_LABELS: Record<Level, string> = { none: "None", read: "Read", write: "Write" };

// The schema's enum is the one list of presets (a plain object, no Prisma runtime).
export type Access = ApiKeyAccess;
export const ACCESS_LABELS: Record<Access, string> = { full: "Full access", read: "Read only", restricted: "Restricted" };

export const API_KEY_EXPIRATIONS = {
  never: { label: "Never", days: null },
  "7d": { label: "7 days", days: 7 },
  "30d": { label: "30 days", days: 30 },
  "90d": { label: "90 days", days: 90 },
  "1y": { label: "1 year", days: 365 },
} as const;

export type ApiKeyExpiration = keyof typeof API_KEY_EXPIRATIONS;

export const ROLL_GRACE_PERIODS = {
  now: { label: "Now", ms: 0 },
  "1h": { label: "1 hour", ms: 60 * 60 * 1000 },
  "24h": { label: "24 hours", ms: 24 * 60 * 60 * 1000 },
} as const;

export type RollGrace = keyof typeof ROLL_GRACE_PERIODS;
