import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "api_key.created"
  | "api_key.revoked"
  | "api_key.rolled"
  | "api_key.revoked_as_leaked"
  | "api_key.permissions_changed"
  | "api_key.allowlist_changed"
  | "api_key.expired"
  | "session.signed_in"
  | "session.sign_in_failed"
  | "session.revoked"
  | "account.password_changed"
  | "two_factor.enabled"
  | "two_factor.disabled"
  | "two_factor.recovery_code_used"
  | "account.deleted"
  | "webhook_endpoint.created"
  | "webhook_endpoint.url_changed"
  | "webhook_endpoint.events_changed"
  | "webhook_endpoint.disabled"
  | "webhook_endpoint.enabled"
  | "webhook_endpoint.deleted"
  | "webhook_endpoint.secret_revealed"
  | "webhook_endpoint.secret_rolled";

// Who did it: a signed-in owner, a key through the API, a leak report, or the system itself.
export type AuditActor = "user" | "api_key" | "github_secret_scanning" | "public_revoke" | "system";

// Who did it and from where; gathered from the request by the caller in app/.
export type RequestOrigin = { ip: string | null; userAgent: string | null };

export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  event: { accountId: string; apiKeyId?: string | null; action: AuditAction; origin: RequestOrigin; detail?: object; actor?: AuditActor },
) {
  await tx.auditEvent.create({
    data: {
      accountId: event.accountId,
      apiKeyId: event.apiKeyId ?? null,
      action: event.action,
      actor: event.actor ?? "user",
      detail: event.detail ? JSON.stringify(event.detail) : null,
      ip: event.origin.ip,
      userAgent: event.origin.userAgent?.slice(0, 512) ?? null,
    },
  });
}
