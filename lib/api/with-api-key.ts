import { after } from "next/server";
import { API_KEY_LENGTH, API_KEY_PREFIX } from "@/lib/api-keys/format";
import { needsLastUsedWrite, recordApiKeyUse } from "@/lib/api-keys/record-api-key-use";
import { verifyApiKey, type ApiKeyRejection, type VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import { apiRoute, type RouteContext } from "./api-route";
import { ApiError } from "./errors";

export type ApiKeyContext = RouteContext & { apiKey: VerifiedApiKey };

const REJECTION_MESSAGES: Record<ApiKeyRejection, string> = {
  prefix: `API keys start with "${API_KEY_PREFIX}". Check that you sent the whole key.`,
  length: `API keys are ${API_KEY_LENGTH} characters long. Check that you copied the whole key.`,
  characters: "API keys contain only letters, digits and underscores. Check for stray spaces or quotes.",
  checksum: "This API key is mistyped or incomplete (its checksum does not match). Copy it again.",
  unknown: "This API key does not exist. Check the key, or create one in Integration Settings.",
  revoked: "This API key was deleted and no longer works. Create a new one in Integration Settings.",
  expired: "This API key has expired. Create a new one in Integration Settings.",
};

const REJECTION_CODES: Record<ApiKeyRejection, string> = {
  prefix: "malformed_api_key",
  length: "malformed_api_key",
  characters: "malformed_api_key",
  checksum: "malformed_api_key",
  unknown: "invalid_api_key",
  revoked: "revoked_api_key",
  expired: "expired_api_key",
};

function authenticationError(code: string, message: string) {
  return new ApiError("authentication_error", code, message, { headers: { "WWW-Authenticate": "Bearer" } });
}

function readApiKey(headers: Headers): string {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) {
      throw authenticationError(
        "malformed_authorization_header",
        "The Authorization header must be \"Bearer <key>\" with your API key.",
      );
    }
    return match[1];
  }
  const apiKeyHeader = headers.get("x-api-key")?.trim();
  if (apiKeyHeader) return apiKeyHeader;
  throw authenticationError(
    "missing_api_key",
    "No API key provided. Send it as Authorization: Bearer <key> (or in an X-API-Key header).",
  );
}

// The one door to /api/v1: authenticates the key, then hands the route its context.
export function withApiKey(handler: (request: Request, context: ApiKeyContext) => Promise<Response>) {
  return apiRoute(async (request, context) => {
    const now = new Date();
    const result = await verifyApiKey(readApiKey(request.headers), now);
    if (!result.ok) throw authenticationError(REJECTION_CODES[result.reason], REJECTION_MESSAGES[result.reason]);

    const { apiKey } = result;
    if (needsLastUsedWrite(apiKey.id, apiKey.lastUsedAt, now)) {
      // After the response is sent: the caller never waits on this write.
      after(() =>
        recordApiKeyUse(apiKey.id, now).catch((error) => console.error("could not record API key use", apiKey.id, error)),
      );
    }
    return handler(request, { ...context, apiKey });
  });
}
