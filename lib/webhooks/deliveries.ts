import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors/domain-errors";
import { newId } from "@/lib/ids/new-id";
import { logger } from "@/lib/logging/logger";
import { signingSecrets } from "./endpoints";
import { postWebhook, type PostResult } from "./post-webhook";
import { signatureHeader } from "./sign";
import { roundRobin } from "@/lib/workers/round-robin";
import { startIntervalWorker } from "@/lib/workers/interval-worker";

// Waits before each retry: about 5 s, 1 min, 10 min, 1 h, 6 h and 24 h; then the delivery gives up.
export const RETRY_SCHEDULE_MS = [5_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000];
export const DISABLE_AFTER_FAILURES = 20;
// A receiver answering 410 Gone says the subscription is over (Zapier's REST hooks unsubscribe
// this way): retrying for a day would only send it data it asked not to receive.
export const GONE = 410;
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
  const gone = result.statusCode === GONE;
  const delay = result.succeeded || gone ? null : retryDelay(attempt);
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
    const reason = gone
      ? `Disabled because the receiver answered HTTP 410 Gone (it no longer wants events) on ${now.toISOString()}.`
      : failures >= DISABLE_AFTER_FAILURES
        ? `Disabled after ${failures} consecutive failed deliveries (last: ${result.statusCode ? `HTTP ${result.statusCode}` : result.error}) on ${now.toISOString()}.`
        : null;
    if (reason) {
      // Only the delivery that actually turns the endpoint off records it (several may fail at once).
      const { count } = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, enabled: true }, data: { enabled: false, disabledReason: reason } });
      if (count > 0) {
        await recordAuditEvent(tx, {
          accountId: endpoint.accountId,
          action: "webhook_endpoint.disabled",
          actor: "system",
          origin: { ip: null, userAgent: null },
          detail: { endpoint_id: endpoint.id, reason: gone ? "gone" : "failures", failures },
        });
      }
    }
  });
  return result;
}

// A new delivery of an old event to the same endpoint, sent now. A disabled endpoint (by its
// owner, after failures, or after a 410 Gone) is refused, rather than queued behind the pause.
export async function resendDelivery(accountId: string, deliveryId: string): Promise<PostResult | null> {
  const original = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpoint: { accountId: accountId } }, include: { endpoint: { select: { enabled: true } } } });
  if (!original) return null;
  if (!original.endpoint.enabled) throw new ConflictError("endpoint_disabled", "This endpoint is disabled. Enable it to resend a delivery.");
  const id = newId("whd");
  await db.webhookDelivery.create({
    data: { id, eventId: original.eventId, endpointId: original.endpointId, status: "pending", nextAttemptAt: new Date(), lockedUntil: new Date(Date.now() + CLAIM_MS) },
  });
  return attemptDelivery(id);
}

const BATCH = 20;
// Fair shares (see claimDueDeliveries): deliveries sent at once per account and per endpoint,
// counted over every instance; and what one process sends at once.
export const MAX_IN_FLIGHT_PER_ACCOUNT = 10;
export const MAX_IN_FLIGHT_PER_ENDPOINT = 5;
const MAX_SENDS_PER_PROCESS = 50;

const dueWhere = (now: Date) => ({
  status: "pending" as const,
  nextAttemptAt: { lte: now },
  OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
});

// Where each process starts its round robin next tick: after the last account it served, so
// accounts beyond one tick's `limit` are first in line on the next.
let nextAccountAfter = "";

const addOne = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

// Claims up to `limit` due deliveries, fairly: accounts take turns (round robin, from where the
// last tick stopped) and endpoints within an account too, and none gets more than its cap of
// deliveries in flight. So an account whose receivers are slow or failing fills its own slots
// only; another account's deliveries go out on the next tick. Claims are conditional updates,
// so instances sharing PostgreSQL never take the same delivery.
export async function claimDueDeliveries(limit: number, now = new Date()): Promise<string[]> {
  if (limit <= 0) return [];
  const endpoints = await db.webhookEndpoint.findMany({
    where: { enabled: true, deliveries: { some: dueWhere(now) } },
    select: { id: true, accountId: true },
    orderBy: { id: "asc" },
  });
  if (endpoints.length === 0) return [];
  // Busy endpoints with nothing more due still count against their account's cap.
  const inFlight = await db.webhookDelivery.findMany({
    where: { status: "pending", lockedUntil: { gte: now } },
    select: { endpointId: true, endpoint: { select: { accountId: true } } },
  });
  const endpointLoad = new Map<string, number>();
  const accountLoad = new Map<string, number>();
  for (const { endpointId, endpoint } of inFlight) {
    addOne(endpointLoad, endpointId);
    addOne(accountLoad, endpoint.accountId);
  }

  const byAccount = new Map<string, string[]>();
  for (const { id, accountId } of endpoints) {
    if ((endpointLoad.get(id) ?? 0) < MAX_IN_FLIGHT_PER_ENDPOINT) byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), id]);
  }
  const slotsOf = (accountId: string) => Math.min(MAX_IN_FLIGHT_PER_ACCOUNT - (accountLoad.get(accountId) ?? 0), limit);
  // Only accounts with a free slot take a turn, and at most `limit` of them: each is served at
  // least one delivery, so any more could not be served this tick anyway.
  const accounts = [...byAccount.keys()].filter((accountId) => slotsOf(accountId) > 0).sort();
  const start = accounts.findIndex((accountId) => accountId > nextAccountAfter);
  const turn = (start <= 0 ? accounts : [...accounts.slice(start), ...accounts.slice(0, start)]).slice(0, limit);

  const queues = await Promise.all(
    turn.map(async (accountId) => {
      const slots = slotsOf(accountId);
      const candidates = await db.webhookDelivery.findMany({
        where: { ...dueWhere(now), endpointId: { in: byAccount.get(accountId)! } },
        orderBy: { nextAttemptAt: "asc" },
        take: slots * 2,
        select: { id: true, endpointId: true },
      });
      // Endpoints of the account take turns too, each within its own cap.
      const perEndpoint = new Map<string, string[]>();
      for (const { id, endpointId } of candidates) {
        const queue = perEndpoint.get(endpointId) ?? [];
        if ((endpointLoad.get(endpointId) ?? 0) + queue.length < MAX_IN_FLIGHT_PER_ENDPOINT) perEndpoint.set(endpointId, [...queue, id]);
      }
      return roundRobin([...perEndpoint.values()])
        .slice(0, slots)
        .map((id) => ({ id, accountId }));
    }),
  );

  const claimed: string[] = [];
  for (const { id, accountId } of roundRobin(queues)) {
    if (claimed.length >= limit) break;
    if (await claimDelivery(id, now)) {
      claimed.push(id);
      nextAccountAfter = accountId;
    }
  }
  return claimed;
}

// Sends one claimed delivery; a failure to run is logged, never thrown, so other sends go on.
function send(id: string): Promise<unknown> {
  return attemptDelivery(id).catch((error) => logger.error({ err: error, deliveryId: id }, "webhook delivery failed to run"));
}

// Claims fairly and sends, waiting for every send: for tests and one-off runs.
export async function deliverDueWebhooks(now = new Date()): Promise<number> {
  const claimed = await claimDueDeliveries(BATCH, now);
  await Promise.all(claimed.map(send));
  return claimed.length;
}

const sending = new Set<Promise<unknown>>();

// One worker tick: claims what fits and starts sending without waiting, so a receiver that takes
// 9 s holds only its own delivery's slot, not the next tick.
async function dispatchDueWebhooks(): Promise<number> {
  const claimed = await claimDueDeliveries(MAX_SENDS_PER_PROCESS - sending.size);
  for (const id of claimed) {
    const sent: Promise<unknown> = send(id).finally(() => sending.delete(sent));
    sending.add(sent);
  }
  return claimed.length;
}

// Runs in every server process; claims make it safe for several to run at once.
export function startWebhookWorker() {
  startIntervalWorker("webhook worker", 500, dispatchDueWebhooks);
}
