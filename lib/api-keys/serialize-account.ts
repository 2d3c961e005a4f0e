import { scopesOf } from "./permissions";
import type { VerifiedApiKey } from "./verify-api-key";

export function serializeAccount(apiKey: VerifiedApiKey) {
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
    },
  };
}
