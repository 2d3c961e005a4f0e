import { headers } from "next/headers";
import { clientIp } from "@/lib/api/client-ip";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";

// For the audit trail. Behind a proxy, configure it to set X-Forwarded-For.
export async function requestOrigin(): Promise<RequestOrigin> {
  const h = await headers();
  return { ip: clientIp(h.get("x-forwarded-for"), h.get("x-real-ip")), userAgent: h.get("user-agent") };
}
