import { db } from "@/lib/db";
import { newId } from "@/lib/ids/new-id";
import { logger } from "@/lib/logging/logger";
import { signingSecrets } from "./endpoints";
import { postWebhook, type PostResult } from "./post-webhook";
import { signatureHeader } from "./sign";
import { startIntervalWorker } from "@/lib/workers/interval-worker";

// Waits before each retry: about 5 s, 1 min, 10 min, 1 h, 6 h and 24 h; then the delivery gives up.
export const RETRY_SCHEDULE_MS = [5_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000];
export const DISABLE_AFTER_FAILURES = 20;
const CLAIM_MS = 60_000;

// ±10 % jitter so retries to one receiver after an outage do not arrive in lockstep.
export function retryDelay(failedAttempts: number, random = Math.random): number | null {
  const base = RETRY_SCHEDULE_MS[failedAttempts - 1];
  return base === undefined ? null : Math.round(base * (0.9 + 0.2 * random()));
}

// Whoever's update matches takes the delivery; every other worker, in any instance, sees count 0.
export async function claimDelivery(id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, status: "pending", OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  return count === 1;
}

// Sends a claimed delivery once and records the attempt. Returns null when the endpoint is
// disabled (the delivery waits until it is enabled again).
export async function attemptDelivery(id: string): Promise<PostResult | null> {
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { event: true, endpoint: true } });
  const { endpoint, event } = delivery;
  if (!endpoint.enabled) {
    await db.webhookDelivery.update({ where: { id }, data: { lockedUntil: null } });
    return null;
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const result = await postWebhook(
    endpoint.url,
    {
      "webhook-id": event.id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signatureHeader(signingSecrets(endpoint), event.id, timestamp, event.payload),
    },
    event.payload,
  );

  const attempt = delivery.attempts + 1;
  const delay = result.succeeded ? null : retryDelay(attempt);
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        id: newId("wha", now.getTime()),
        deliveryId: id,
        endpointId: endpoint.id,
        attempt,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        responseExcerpt: result.responseExcerpt,
        error: result.error,
        succeeded: result.succeeded,
        createdAt: now,
      },
    });
    await tx.webhookDelivery.update({
      where: { id },
      data: {
        attempts: attempt,
        lockedUntil: null,
        status: result.succeeded ? "succeeded" : delay === null ? "failed" : "pending",
        nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay),
      },
    });
    if (result.succeeded) {
      await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: 0 } });
      return;
    }
    const failures = (await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { consecutiveFailures: { increment: 1 } } }))
      .consecutiveFailures;
    if (failures >= DISABLE_AFTER_FAILURES) {
      const last = result.statusCode ? `HTTP ${result.statusCode}` : result.error;
      await tx.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { enabled: false, disabledReason: `Disabled after ${failures} consecutive failed deliveries (last: ${last}) on ${now.toISOString()}.` },
      });
    }
  });
  return result;
}

// A new delivery of an old event to the same endpoint, sent now.
export async function resendDelivery(accountId: string, deliveryId: string): Promise<PostResult | null> {
  const original = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpoint: { accountId: accountId } } });
  if (!original) return null;
  const id = newId("whd");
  await db.webhookDelivery.create({
    data: { id, eventId: original.eventId, endpointId: original.endpointId, status: "pending", nextAttemptAt: new Date(), lockedUntil: new Date(Date.now() + CLAIM_MS) },
  });
  return attemptDelivery(id);
}

const BATCH = 20;

export async function deliverDueWebhooks(now = new Date()): Promise<number> {
  const due = await db.webhookDelivery.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      endpoint: { enabled: true },
    },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: { id: true },
  });
  const claimed = [];
  for (const { id } of due) if (await claimDelivery(id, now)) claimed.push(id);
  await Promise.all(claimed.map((id) => attemptDelivery(id).catch((error) => logger.error({ err: error, deliveryId: id }, "webhook delivery failed to run"))));
  return claimed.length;
}

// Runs in every server process; claims make it safe for several to run at once.
export function startWebhookWorker() {
  startIntervalWorker("webhook worker", 500, deliverDueWebhooks);
}
