import { pageWhere } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import type { WebhookEndpoint } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors/domain-errors";
import { newId } from "@/lib/ids/new-id";
import { ALL_EVENTS } from "./event-types";
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from "./schemas";
import { decryptSecret, encryptSecret, generateWebhookSecret } from "./secrets";
import { checkWebhookUrlResolves } from "./ssrf";

const ROLL_OVERLAP_MS = 24 * 60 * 60 * 1000;

async function safeUrl(raw: string): Promise<string> {
  return (await checkWebhookUrlResolves(raw)).toString();
}

function normalizeEvents(events: string[]): string[] {
  return events.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(events)].sort();
}

// Returns the plaintext secret once, for the creator; after that it is only revealed on request.
export async function createWebhookEndpoint(accountId: string, input: CreateWebhookEndpointInput) {
  const secret = generateWebhookSecret();
  const endpoint = await db.webhookEndpoint.create({
    data: {
      id: newId("we"),
      accountId: accountId,
      url: await safeUrl(input.url),
      description: input.description || null,
      events: normalizeEvents(input.events),
      secret: encryptSecret(secret),
    },
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

export async function updateWebhookEndpoint(accountId: string, id: string, input: UpdateWebhookEndpointInput) {
  await getWebhookEndpoint(accountId, id);
  const url = input.url === undefined ? undefined : await safeUrl(input.url);
  return db.webhookEndpoint.update({
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
}

export async function deleteWebhookEndpoint(accountId: string, id: string): Promise<void> {
  const { count } = await db.webhookEndpoint.deleteMany({ where: { id, accountId: accountId } });
  if (count === 0) throw NotFoundError.of("webhook endpoint", id);
}

export async function revealWebhookSecret(accountId: string, id: string): Promise<string> {
  return decryptSecret((await getWebhookEndpoint(accountId, id)).secret);
}

// The old secret keeps signing, next to the new one, for 24 hours so receivers can switch over.
export async function rollWebhookSecret(accountId: string, id: string): Promise<string> {
  const endpoint = await getWebhookEndpoint(accountId, id);
  const secret = generateWebhookSecret();
  await db.webhookEndpoint.update({
    where: { id },
    data: { secret: encryptSecret(secret), previousSecret: endpoint.secret, previousSecretUntil: new Date(Date.now() + ROLL_OVERLAP_MS) },
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
