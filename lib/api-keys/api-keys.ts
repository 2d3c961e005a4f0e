import { db } from "@/lib/db";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { displayApiKey, generateApiKey } from "./format";
import { hashApiKey } from "./hash";
import { expiresAtFor, type CreateApiKeyInput } from "./schemas";

export const MAX_LIVE_API_KEYS = 100;

export class ApiKeyLimitError extends Error {
  constructor() {
    super(`You already have ${MAX_LIVE_API_KEYS} API keys. Delete one you no longer use to create another.`);
  }
}

export type ApiKeySummary = {
  id: string;
  name: string;
  display: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
};

const summaryFields = {
  id: true,
  name: true,
  display: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
} as const;

function liveKeysWhere(userId: string, now: Date) {
  return { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

// Returns the only copy of the secret there will ever be; the database keeps its hash.
export async function createApiKey(
  userId: string,
  input: CreateApiKeyInput,
  origin: RequestOrigin,
): Promise<{ secret: string; apiKey: ApiKeySummary }> {
  const secret = generateApiKey();
  const now = new Date();
  const apiKey = await db.$transaction(async (tx) => {
    // Touching the owner first takes its row lock, so concurrent creations cannot
    // both pass the limit check below.
    await tx.user.update({ where: { id: userId }, data: { updatedAt: now } });
    if ((await tx.apiKey.count({ where: liveKeysWhere(userId, now) })) >= MAX_LIVE_API_KEYS) {
      throw new ApiKeyLimitError();
    }
    const created = await tx.apiKey.create({
      data: {
        userId,
        name: input.name,
        hash: hashApiKey(secret),
        display: displayApiKey(secret),
        createdAt: now,
        expiresAt: expiresAtFor(input.expiration, now),
      },
      select: summaryFields,
    });
    await recordAuditEvent(tx, { userId, apiKeyId: created.id, action: "api_key.created", origin });
    return created;
  });
  return { secret, apiKey };
}

export async function listApiKeys(userId: string): Promise<ApiKeySummary[]> {
  return db.apiKey.findMany({
    where: liveKeysWhere(userId, new Date()),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: summaryFields,
  });
}

// Scoped by owner: another account's key id behaves exactly like a missing one.
// Returns false when this owner has no unrevoked key with that id (an expired one can still be revoked).
export async function revokeApiKey(userId: string, apiKeyId: string, origin: RequestOrigin): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, { userId, apiKeyId, action: "api_key.revoked", origin });
    return true;
  });
}
