import { assertUnderCap, lockAccount } from "@/lib/accounts/account-lock";
import { pageWhere } from "@/lib/api/pagination";
import type { Scopes } from "@/lib/api-keys/permissions";
import { recordAuditEvent, type AuditAction, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ForbiddenError, LimitReachedError, NotFoundError } from "@/lib/errors/domain-errors";
import { Prisma, type WebhookEndpoint } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids/new-id";
import { ALL_EVENTS } from "./event-types";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "./schemas";
import { storedEventsSchema } from "./schemas";
import { decryptSecret, encryptSecret, generateWebhookSecret } from "./secrets";
import { checkWebhookUrlResolves } from "./ssrf";
import { missingSubscribePermissions } from "./subscribe-permissions";

const ROLL_OVERLAP_MS = 24 * 60 * 60 * 1000;
const MAX_WEBHOOK_ENDPOINTS = 20;

const endpointLimitReached = () =>
  new LimitReachedError(
    "webhook_endpoint_limit_reached",
    `An account can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one you no longer use, or subscribe an existing one to more events.`,
  );

// Who makes a change: the owner in the dashboard (all rights), or an API key with its scopes.
type EndpointActor = { origin: RequestOrigin; apiKey?: { id: string; scopes: Scopes } };

// An API key may only subscribe to events whose payloads it could read through the API.
function checkSubscribePermissions(actor: EndpointActor, events: string[]) {
  if (!actor.apiKey) return;
  const missing = missingSubscribePermissions(events, actor.apiKey.scopes);
  if (missing.length === 0) return;
  throw new ForbiddenError("missing_permission", {
    message: `Subscribing to ${events.join(", ")} needs the ${missing.join(", ")} permission${missing.length > 1 ? "s" : ""}, which this API key lacks. Subscribe to fewer events or use a key that may read them.`,
    field: "events",
  });
}

// Audits show where events go without keeping the URL's path, which often holds a token.
function urlOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid";
  }
}

// A change through the API is the key's doing (actor "api_key", with its id); otherwise the owner's.
function auditEndpoint(tx: Prisma.TransactionClient, accountId: string, actor: EndpointActor, action: AuditAction, detail: Record<string, unknown>) {
  return recordAuditEvent(tx, {
    accountId,
    action,
    origin: actor.origin,
    detail,
    actor: actor.apiKey ? "api_key" : "user",
    apiKeyId: actor.apiKey?.id ?? null,
  });
}

function normalizeEvents(events: string[]): string[] {
  return events.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(events)].sort();
}

// Returns the plaintext secret once, for the creator; after that it is only revealed on request.
export async function createWebhookEndpoint(accountId: string, input: CreateWebhookEndpointInput, actor: EndpointActor) {
  checkSubscribePermissions(actor, input.events);
  const url = (await checkWebhookUrlResolves(input.url)).toString();
  const secret = generateWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    await lockAccount(tx, accountId);
    assertUnderCap(await tx.webhookEndpoint.count({ where: { accountId } }), MAX_WEBHOOK_ENDPOINTS, endpointLimitReached);
    const created = await tx.webhookEndpoint.create({
      data: {
        id: newId("we"),
        accountId: accountId,
        url,
        description: input.description || null,
        events: normalizeEvents(input.events),
        secret: encryptSecret(secret),
      },
    });
    await auditEndpoint(tx, accountId, actor, "webhook_endpoint.created", { endpoint_id: created.id, to: urlOrigin(url) });
    return created;
  });
  return { endpoint, secret };
}

export async function getWebhookEndpoint(accountId: string, id: string): Promise<WebhookEndpoint> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id, accountId: accountId } });
  if (!endpoint) throw NotFoundError.of("webhook endpoint", id);
  return endpoint;
}

export async function listWebhookEndpoints(accountId: string, query: { limit: number; starting_after?: string }) {
  return db.webhookEndpoint.findMany({
    where: { accountId: accountId, ...pageWhere(query.starting_after) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
}

export async function updateWebhookEndpoint(accountId: string, id: string, input: UpdateWebhookEndpointInput, actor: EndpointActor) {
  const current = await getWebhookEndpoint(accountId, id);
  // A new URL redirects every subscribed event, so it is a subscription like a new event list.
  if (input.url !== undefined || input.events !== undefined) checkSubscribePermissions(actor, input.events ?? storedEventsSchema.parse(current.events));
  const url = input.url === undefined ? undefined : (await checkWebhookUrlResolves(input.url)).toString();
  return db.$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        url,
        description: input.description === undefined ? undefined : input.description || null,
        events: input.events ? normalizeEvents(input.events) : undefined,
        // Re-enabling starts the failure count afresh.
        ...(input.enabled === undefined
          ? {}
          : input.enabled
            ? { enabled: true, disabledReason: null, consecutiveFailures: 0 }
            : { enabled: false, disabledReason: "Disabled by you." }),
      },
    });
    if (url !== undefined && url !== current.url) {
      await auditEndpoint(tx, accountId, actor, "webhook_endpoint.url_changed", { endpoint_id: id, from: urlOrigin(current.url), to: urlOrigin(url) });
    }
    const before = storedEventsSchema.parse(current.events);
    const after = storedEventsSchema.parse(updated.events);
    if (before.join(",") !== after.join(",")) {
      await auditEndpoint(tx, accountId, actor, "webhook_endpoint.events_changed", { endpoint_id: id, from: before, to: after });
    }
    if (updated.enabled !== current.enabled) {
      const action = updated.enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled";
      await auditEndpoint(tx, accountId, actor, action, { endpoint_id: id, to: urlOrigin(updated.url) });
    }
    return updated;
  });
}

export async function deleteWebhookEndpoint(accountId: string, id: string, actor: EndpointActor): Promise<void> {
  await db.$transaction(async (tx) => {
    // One statement, so of two concurrent deletes the second finds nothing and reports it.
    const endpoint = await tx.webhookEndpoint.delete({ where: { id, accountId }, select: { url: true } }).catch((error: unknown) => {
      throw error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025" ? NotFoundError.of("webhook endpoint", id) : error;
    });
    await auditEndpoint(tx, accountId, actor, "webhook_endpoint.deleted", { endpoint_id: id, from: urlOrigin(endpoint.url) });
  });
}

// Seeing a secret is recorded like changing it: whoever saw it could sign deliveries.
export async function revealWebhookSecret(accountId: string, id: string, actor: EndpointActor): Promise<string> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id, accountId } });
    if (!endpoint) throw NotFoundError.of("webhook endpoint", id);
    await auditEndpoint(tx, accountId, actor, "webhook_endpoint.secret_revealed", { endpoint_id: id, to: urlOrigin(endpoint.url) });
    return decryptSecret(endpoint.secret);
  });
}

// The old secret keeps signing, next to the new one, for 24 hours so receivers can switch over.
export async function rollWebhookSecret(accountId: string, id: string, actor: EndpointActor): Promise<string> {
  const secret = generateWebhookSecret();
  await db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id, accountId } });
    if (!endpoint) throw NotFoundError.of("webhook endpoint", id);
    await tx.webhookEndpoint.update({
      where: { id },
      data: { secret: encryptSecret(secret), previousSecret: endpoint.secret, previousSecretUntil: new Date(Date.now() + ROLL_OVERLAP_MS) },
    });
    await auditEndpoint(tx, accountId, actor, "webhook_endpoint.secret_rolled", { endpoint_id: id, to: urlOrigin(endpoint.url) });
  });
  return secret;
}

// Current secret first, then the previous one while its overlap lasts.
export function signingSecrets(endpoint: Pick<WebhookEndpoint, "secret" | "previousSecret" | "previousSecretUntil">, now = new Date()): string[] {
  const secrets = [decryptSecret(endpoint.secret)];
  if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now) {
    secrets.push(decryptSecret(endpoint.previousSecret));
  }
  return secrets;
}

