import { scopesOf } from "@/lib/api-keys/permissions";
import type { VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import type { RequestOrigin } from "@/lib/audit/record-audit-event";
import { originOf } from "@/lib/client-address/client-address";

// Who acts through the API: the key (with what it may do) and where the request came from, for
// checks that depend on more than the operation's own permission and for the audit trail.
export function apiKeyActor(request: Request, apiKey: VerifiedApiKey): { origin: RequestOrigin; apiKey: { id: string; scopes: ReturnType<typeof scopesOf> } } {
  return {
    origin: originOf(request.headers),
    apiKey: { id: apiKey.id, scopes: scopesOf(apiKey) },
  };
}
