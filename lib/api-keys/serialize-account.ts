import type { AccountObject } from "./account-schema";
import { scopesOf } from "./permissions";
import type { VerifiedApiKey } from "./verify-api-key";

// Typed by the documented account object: a field that drifts from accountSchema fails typecheck.
export function serializeAccount(apiKey: VerifiedApiKey): AccountObject {
  return {
    object: "account",
    id: apiKey.user.id,
    email: apiKey.user.email,
    name: apiKey.user.name,
    api_key: {
      id: apiKey.id,
      name: apiKey.name,
      display: apiKey.display,
      created_at: apiKey.createdAt.toISOString(),
      expires_at: apiKey.expiresAt?.toISOString() ?? null,
      permissions: scopesOf(apiKey),
      allowed_ips: [...apiKey.allowedIps],
    },
  };
}
