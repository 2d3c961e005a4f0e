import { hashApiKey } from "@/lib/api-keys/hash";
import { ApiError } from "@/lib/api/errors";
import { definePublicOperation, response } from "@/lib/api/operation";
import { rateLimitHeaders, sharedRateLimiter } from "@/lib/api/rate-limit";
import { clientThrottleKey, originOf } from "@/lib/client-address/client-address";
import { loadGithubPublicKeys } from "./github-public-keys";
import { verifyGithubSignature } from "./github-signature";
import { revokeLeakedKeys } from "./revoke-leaked-keys";
import {
  CREDENTIALS_REVOCATION,
  credentialsRevocationSchema,
  revokeCredentialsSchema,
  secretScanningLabelsSchema,
  secretScanningReportSchema,
} from "./schemas";

// What a key revoked through /credentials/revoke says it was found by.
export const CREDENTIALS_REVOKE_SOURCE = "credentials/revoke";

// Per client address: plenty for someone cleaning up after a leak, too few to make the endpoint
// a way to spend our hashing and database time.
const revokeRateLimiter = sharedRateLimiter("credentials-revoke", 10, 60_000);

export const revokeCredentialsOperation = definePublicOperation({
  method: "POST",
  path: "/api/v1/credentials/revoke",
  operationId: "revokeCredentials",
  tag: "Leaked keys",
  summary: "Revoke exposed credentials",
  description:
    "Found a Switchboard key where it should not be (a public repository, a paste, a log)? Send it here, no key or account needed: " +
    "every live key among the credentials is revoked at once and its owner is told where it was reported. " +
    "The answer is always the same 202, whether or not anything matched, so this cannot be used to test keys. Limited to 10 requests per minute per client address.",
  body: revokeCredentialsSchema,
  example: { credentials: ["sb_live_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab"] },
  responses: {
    202: response({ description: "Accepted; says nothing about what matched.", schema: credentialsRevocationSchema, example: CREDENTIALS_REVOCATION }),
  },
  errors: {
    "400": {
      description: "invalid_request_error: the body is not {\"credentials\": [...]} with 1–100 strings.",
      example: { error: { type: "invalid_request_error", code: "invalid_parameter", message: "credentials: must list at least one credential.", param: "credentials" } },
    },
    "429": {
      description: "rate_limit_error: too many requests from this address; retry after Retry-After seconds.",
      example: { error: { type: "rate_limit_error", code: "rate_limited", message: "Too many revocation requests from your address. Retry after 42 s." } },
    },
  },
  handler: async ({ request, body }) => {
    const limit = revokeRateLimiter.hit(clientThrottleKey(request.headers));
    if (!limit.allowed) {
      throw new ApiError("rate_limit_error", "rate_limited", `Too many revocation requests from your address. Retry after ${limit.resetSeconds} s.`, {
        headers: { ...rateLimitHeaders(limit), "Retry-After": String(limit.resetSeconds) },
      });
    }
    await revokeLeakedKeys(
      body.credentials.map((token) => ({ token, source: CREDENTIALS_REVOKE_SOURCE })),
      { actor: "public_revoke", origin: originOf(request.headers) },
    );
    return { status: 202, body: CREDENTIALS_REVOCATION };
  },
});

// GitHub signs the exact bytes it sends. readBodyText decoded them as strict UTF-8, so encoding the
// text again gives those bytes back (a leading BOM aside, which GitHub does not send: such a body
// fails verification, it is never wrongly accepted).
async function requireGithubSignature(request: Request, bodyText: string) {
  const keys = await loadGithubPublicKeys();
  if (!keys) {
    throw new ApiError(
      "authentication_error",
      "secret_scanning_not_configured",
      "GitHub secret scanning is not set up on this server: SECRET_SCANNING_PUBLIC_KEYS names no readable public_keys file, so no report can be verified.",
    );
  }
  const keyIdentifier = request.headers.get("github-public-key-identifier");
  const signature = request.headers.get("github-public-key-signature");
  if (!keyIdentifier || !signature || !verifyGithubSignature(keys, keyIdentifier, signature, Buffer.from(bodyText, "utf8"))) {
    throw new ApiError(
      "authentication_error",
      "invalid_signature",
      "The report is not signed by a GitHub secret-scanning key: Github-Public-Key-Signature does not verify under the key Github-Public-Key-Identifier names.",
    );
  }
}

export const githubSecretScanningOperation = definePublicOperation({
  method: "POST",
  path: "/api/v1/secret-scanning/github",
  operationId: "receiveGithubSecretScanningReport",
  tag: "Leaked keys",
  summary: "GitHub secret-scanning report",
  description:
    "The endpoint of GitHub's secret scanning partner program: GitHub posts the sb_live_ keys it finds in public code here. " +
    "The body is verified with the ECDSA P-256 / SHA-256 signature in Github-Public-Key-Signature under the key Github-Public-Key-Identifier names, " +
    "from the public_keys file SECRET_SCANNING_PUBLIC_KEYS names. Every live key reported is revoked, with the report's url as where it was found. " +
    "Not for direct use: anyone can report a key through POST /api/v1/credentials/revoke.",
  body: secretScanningReportSchema,
  verifyBody: requireGithubSignature,
  example: [
    { token: "sb_live_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ab", type: "switchboard_api_key", url: "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/.env", source: "content" },
  ],
  responses: {
    200: response({
      description: "For each reported token, GitHub's label: true_positive when it is a key Switchboard issued.",
      schema: secretScanningLabelsSchema,
      example: [{ token_hash: "3f1c0e4c6e3bd1b5cde5b8e2ea3e0d4f2a61b7c9a3f5e8d2c1b0a9f8e7d6c5b4", token_type: "switchboard_api_key", label: "true_positive" }],
    }),
  },
  errors: {
    "401": {
      description: "authentication_error: invalid_signature (the signature does not verify), or secret_scanning_not_configured (SECRET_SCANNING_PUBLIC_KEYS is unset or unreadable).",
      example: {
        error: {
          type: "authentication_error",
          code: "invalid_signature",
          message: "The report is not signed by a GitHub secret-scanning key: Github-Public-Key-Signature does not verify under the key Github-Public-Key-Identifier names.",
        },
      },
    },
  },
  handler: async ({ request, body }) => {
    const ours = await revokeLeakedKeys(
      body.map((match) => ({ token: match.token, source: match.url || "GitHub secret scanning" })),
      { actor: "github_secret_scanning", origin: originOf(request.headers) },
    );
    return {
      status: 200,
      body: body.map((match) => {
        // GitHub's token_hash is the SHA-256 hex of the token: the very hash keys are stored under.
        const tokenHash = hashApiKey(match.token);
        return { token_hash: tokenHash, token_type: match.type, label: ours.has(tokenHash) ? ("true_positive" as const) : ("false_positive" as const) };
      }),
    };
  },
});

// This feature's endpoints.
export const leakOperations = [revokeCredentialsOperation, githubSecretScanningOperation] as const;
