import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "api_key.created"
  | "api_key.revoked"
  | "api_key.rolled"
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
  | "webhook_endpoint.deleted";

// Who did it and from where; gathered from the request by the caller in app/.
export type RequestOrigin = { ip: string | null; userAgent: string | null };

export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  event: { accountId: string; apiKeyId?: string | null; action: AuditAction; origin: RequestOrigin; detail?: object },
) {
  await tx.auditEvent.create({
    data: {
      accountId: event.accountId,
      apiKeyId: event.apiKeyId ?? null,
      action: event.action,
      detail: event.detail ? JSON.stringify(event.detail) : null,
      ip: event.origin.ip,
      userAgent: event.origin.userAgent?.slice(0, 512) ?? null,
    },
  });
}
