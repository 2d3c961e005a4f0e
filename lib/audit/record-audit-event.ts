import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditAction =
  | "api_key.created"
  | "api_key.revoked"
  | "api_key.rolled"
  | "webhook_endpoint.created"
  | "webhook_endpoint.url_changed"
  | "webhook_endpoint.deleted";

// Who did it and from where; gathered from the request by the caller in app/.
export type RequestOrigin = { ip: string | null; userAgent: string | null };

export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  event: { accountId: string; apiKeyId?: string; action: AuditAction; origin: RequestOrigin; detail?: object },
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
