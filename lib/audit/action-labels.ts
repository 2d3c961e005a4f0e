import type { AuditAction, AuditActor } from "./record-audit-event";

// Every recorded action in words, for the Audit log page and the CSV export. Typed as a full
// record so a new action name cannot be added without saying what it means.
export const ACTION_LABELS: Record<AuditAction, string> = {
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "api_key.rolled": "API key rolled",
  "api_key.revoked_as_leaked": "API key revoked as leaked",
  "api_key.permissions_changed": "API key permissions changed",
  "api_key.allowlist_changed": "API key IP allowlist changed",
  "api_key.expired": "API key expired",
  "session.signed_in": "Signed in",
  "session.sign_in_failed": "Sign-in failed",
  "session.revoked": "Sessions signed out",
  "account.password_changed": "Password changed",
  "two_factor.enabled": "Two-factor authentication enabled",
  "two_factor.disabled": "Two-factor authentication disabled",
  "two_factor.recovery_code_used": "Recovery code used",
  "account.deleted": "Account deleted",
  "webhook_endpoint.created": "Webhook endpoint added",
  "webhook_endpoint.url_changed": "Webhook endpoint URL changed",
  "webhook_endpoint.events_changed": "Webhook endpoint events changed",
  "webhook_endpoint.disabled": "Webhook endpoint disabled",
  "webhook_endpoint.enabled": "Webhook endpoint enabled",
  "webhook_endpoint.deleted": "Webhook endpoint deleted",
  "webhook_endpoint.secret_revealed": "Webhook signing secret revealed",
  "webhook_endpoint.secret_rolled": "Webhook signing secret rolled",
};

export const AUDIT_ACTIONS = Object.keys(ACTION_LABELS) as AuditAction[];

// Groups offered in the filter next to single actions; each is the actions whose name starts so.
export const ACTION_GROUPS = {
  api_keys: { label: "API keys", prefixes: ["api_key."] },
  webhooks: { label: "Webhooks", prefixes: ["webhook_endpoint."] },
  account: { label: "Account", prefixes: ["session.", "account.", "two_factor."] },
} as const;

export type ActionGroup = keyof typeof ACTION_GROUPS;

export function actionsInGroup(group: ActionGroup): AuditAction[] {
  const prefixes: readonly string[] = ACTION_GROUPS[group].prefixes;
  return AUDIT_ACTIONS.filter((action) => prefixes.some((prefix) => action.startsWith(prefix)));
}

export const ACTOR_LABELS: Record<AuditActor, string> = {
  user: "You (dashboard)",
  api_key: "API key",
  github_secret_scanning: "GitHub secret scanning",
  public_revoke: "Public revocation request",
  system: "Switchboard",
};

export const AUDIT_ACTORS = Object.keys(ACTOR_LABELS) as AuditActor[];

// Rows written before an action or actor was renamed still show, under their stored name.
export const actionLabel = (action: string) => ACTION_LABELS[action as AuditAction] ?? action;
export const actorLabel = (actor: string) => ACTOR_LABELS[actor as AuditActor] ?? actor;
