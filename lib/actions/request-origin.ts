import { headers } from "next/headers";
import { originOf } from "@/lib/client-address/client-address";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";

// For the audit trail: the address scripts/server.mjs resolved (see TRUSTED_PROXIES).
export async function requestOrigin(): Promise<RequestOrigin> {
  return originOf(await headers());
}
