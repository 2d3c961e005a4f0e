import { db } from "@/lib/db";
import { assertUnderCap, lockAccount } from "@/lib/accounts/account-lock";
import { LimitReachedError } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { displayApiKey, generateApiKey } from "./format";
import { allowedIpsColumn, permissionColumns, summaryFields, withStoredScopes, type ApiKeySummary } from "./summary";
import { scopesOf, storePermissions, type PermissionsInput, type StoredPermissions } from "./permissions";
import type { WebhookEventData } from "@/lib/webhooks/event-payloads";
import { emitWebhookEvent } from "@/lib/webhooks/outbox";
import { hashApiKey } from "./hash";
import { expiresAtFor, ROLL_GRACE_PERIODS, type CreateApiKeyInput, type RollGrace } from "./schemas";

// Permissions default to full access, as in the Generate Key dialog.
// No allowlist means any address.
type NewApiKey = Pick<CreateApiKeyInput, "name" | "expiration"> & Partial<PermissionsInput> & { allowedIps?: readonly string[] };

export const MAX_LIVE_API_KEYS = 100;

const apiKeyLimitReached = () =>
  new LimitReachedError("api_key_limit_reached", `You already have ${MAX_LIVE_API_KEYS} API keys. Delete one you no longer use to create another.`);

export const ROLL_LIMIT_MESSAGE = `You already have ${MAX_LIVE_API_KEYS} API keys, counting keys still in a roll's grace period. Delete one you no longer use, or roll with the grace period "Now".`;

const rollLimitReached = () => new LimitReachedError("api_key_limit_reached", ROLL_LIMIT_MESSAGE);

// What webhooks say about a key: never its secret or hash.
function apiKeyEventData(apiKey: ApiKeySummary): WebhookEventData<"api_key.created"> {
  return {
    id: apiKey.id,
    object: "api_key",
    name: apiKey.name,
    display: apiKey.display,
    permissions: scopesOf(apiKey),
    created_at: apiKey.createdAt.toISOString(),
    expires_at: apiKey.expiresAt?.toISOString() ?? null,
  };
}

function liveKeysWhere(accountId: string, now: Date) {
  return { accountId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

// Stores a new key for `secret`: only its hash, and the display form that lets its owner recognise it.
async function insertApiKey(
  tx: Prisma.TransactionClient,
  accountId: string,
  secret: string,
  now: Date,
  key: { name: string; expiresAt: Date | null; allowedIps: readonly string[] } & StoredPermissions,
): Promise<ApiKeySummary> {
  const row = await tx.apiKey.create({
    data: {
      accountId,
      name: key.name,
      hash: hashApiKey(secret),
      display: displayApiKey(secret),
      createdAt: now,
      expiresAt: key.expiresAt,
      ...permissionColumns(key),
      allowedIps: allowedIpsColumn(key.allowedIps),
    },
    select: summaryFields,
  });
  return withStoredScopes(row);
}

async function announceApiKeyCreated(tx: Prisma.TransactionClient, accountId: string, created: ApiKeySummary, origin: RequestOrigin) {
  await recordAuditEvent(tx, { accountId, apiKeyId: created.id, action: "api_key.created", origin });
  await emitWebhookEvent(tx, accountId, "api_key.created", apiKeyEventData(created));
}

// Returns the only copy of the secret there will ever be; the database keeps its hash.
export async function createApiKey(
  accountId: string,
  input: NewApiKey,
  origin: RequestOrigin,
): Promise<{ secret: string; apiKey: ApiKeySummary }> {
  const secret = generateApiKey();
  const now = new Date();
  const apiKey = await db.$transaction(async (tx) => {
    await lockAccount(tx, accountId, now);
    assertUnderCap(await tx.apiKey.count({ where: liveKeysWhere(accountId, now) }), MAX_LIVE_API_KEYS, apiKeyLimitReached);
    const created = await insertApiKey(tx, accountId, secret, now, {
      name: input.name,
      expiresAt: expiresAtFor(input.expiration, now),
      allowedIps: input.allowedIps ?? [],
      ...storePermissions(input),
    });
    await announceApiKeyCreated(tx, accountId, created, origin);
    return created;
  });
  return { secret, apiKey };
}

export async function listApiKeys(accountId: string): Promise<ApiKeySummary[]> {
  const rows = await db.apiKey.findMany({
    where: liveKeysWhere(accountId, new Date()),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: summaryFields,
  });
  return rows.map(withStoredScopes);
}

// Scoped by owner: another account's key id behaves exactly like a missing one.
// Returns false when this owner has no unrevoked key with that id (an expired one can still be revoked).
export async function revokeApiKey(accountId: string, apiKeyId: string, origin: RequestOrigin): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, accountId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, { accountId, apiKeyId, action: "api_key.revoked", origin });
    const revoked = withStoredScopes(await tx.apiKey.findUniqueOrThrow({ where: { id: apiKeyId }, select: summaryFields }));
    await emitWebhookEvent(tx, accountId, "api_key.revoked", apiKeyEventData(revoked));
    return true;
  });
}

// Issues a new secret with the same name, permissions and expiry. The old secret keeps working
// for the grace period, so an integration can be switched over without downtime.
export async function rollApiKey(
  accountId: string,
  apiKeyId: string,
  grace: RollGrace,
  origin: RequestOrigin,
): Promise<{ secret: string; apiKey: ApiKeySummary } | null> {
  const secret = generateApiKey();
  const now = new Date();
  const graceEnds = new Date(now.getTime() + ROLL_GRACE_PERIODS[grace].ms);
  return db.$transaction(async (tx) => {
    // Serialized with key creation and other rolls, like createApiKey.
    await lockAccount(tx, accountId, now);
    const old = await tx.apiKey.findFirst({ where: { id: apiKeyId, ...liveKeysWhere(accountId, now), rolledToId: null } });
    if (!old) return null;
    // With a grace period the old key stays live next to the new one, so a roll adds a live key;
    // rolled "Now" it replaces one.
    if (grace !== "now") {
      assertUnderCap(await tx.apiKey.count({ where: liveKeysWhere(accountId, now) }), MAX_LIVE_API_KEYS, rollLimitReached);
    }
    const created = await insertApiKey(tx, accountId, secret, now, withStoredScopes(old));
    // Conditional, so two concurrent rolls of one key cannot both succeed.
    const { count } = await tx.apiKey.updateMany({
      where: { id: old.id, rolledToId: null, revokedAt: null },
      data: {
        rolledToId: created.id,
        ...(grace === "now" ? { revokedAt: now } : { expiresAt: old.expiresAt && old.expiresAt < graceEnds ? old.expiresAt : graceEnds }),
      },
    });
    if (count === 0) throw new Error("API key was rolled concurrently");
    await recordAuditEvent(tx, { accountId, apiKeyId: old.id, action: "api_key.rolled", origin });
    await announceApiKeyCreated(tx, accountId, created, origin);
    return { secret, apiKey: created };
  });
}

// Replaces a live key's allowlist (empty: any address). Takes effect on the key's next request in
// every instance, since each request reads the row. False when this owner has no such live key.
export async function setApiKeyAllowedIps(
  accountId: string,
  apiKeyId: string,
  allowedIps: readonly string[],
  origin: RequestOrigin,
): Promise<boolean> {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const before = await tx.apiKey.findFirst({ where: { id: apiKeyId, ...liveKeysWhere(accountId, now) }, select: summaryFields });
    if (!before) return false;
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, accountId, revokedAt: null },
      data: { allowedIps: allowedIpsColumn(allowedIps) },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      accountId,
      apiKeyId,
      action: "api_key.allowlist_changed",
      origin,
      detail: { before: withStoredScopes(before).allowedIps, after: allowedIps },
    });
    return true;
  });
}
