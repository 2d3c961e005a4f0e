import { headers } from "next/headers";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";

// For the audit trail. Behind a proxy, configure it to set X-Forwarded-For.
export async function requestOrigin(): Promise<RequestOrigin> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || null, userAgent: h.get("user-agent") };
}
