import { db } from "@/lib/db";
import { emitWebhookEvents, type PendingWebhookEvent } from "@/lib/webhooks/outbox";
import { roundRobin } from "@/lib/workers/round-robin";
import { startIntervalWorker } from "@/lib/workers/interval-worker";
import { serializeCall } from "./serialize-call";
import { callProvider } from "./calls";

const TICK_MS = 250;

// Statuses a webhook announces; in_progress is not one of the documented events.
const STATUS_EVENTS: Record<string, "call.ringing" | "call.completed" | "call.no_answer" | "call.failed" | undefined> = {
  ringing: "call.ringing",
  completed: "call.completed",
  no_answer: "call.no_answer",
  failed: "call.failed",
};
const BATCH = 50;
// How many accounts one tick looks at; the rest wait a tick (ticks are 250 ms apart).
const ACCOUNTS_PER_TICK = 50;

// The due calls of one tick, shared fairly: every account with due calls (up to
// ACCOUNTS_PER_TICK, the longest-waiting first) gets an equal share of the batch, and the shares
// are interleaved, so one account launching thousands of calls cannot hold back another's.
async function dueCallsFairly(now: Date) {
  const accounts = await db.call.groupBy({
    by: ["accountId"],
    where: { nextActionAt: { lte: now } },
    _min: { nextActionAt: true },
    orderBy: { _min: { nextActionAt: "asc" } },
    take: ACCOUNTS_PER_TICK,
  });
  if (accounts.length === 0) return [];
  const share = Math.ceil(BATCH / accounts.length);
  const perAccount = await Promise.all(
    accounts.map(({ accountId }) =>
      db.call.findMany({ where: { accountId, nextActionAt: { lte: now } }, orderBy: { nextActionAt: "asc" }, take: share }),
    ),
  );
  return roundRobin(perAccount).slice(0, BATCH);
}

// Moves due calls one step. Claims each step with a conditional update on the state it read,
// so two instances (or two ticks) never apply the same step twice. One transaction per batch, not
// per call: under load (hundreds of calls a second) the per-transaction cost of Prisma's
// interactive transactions dominated the worker, and the worker competes with requests for CPU.
export async function advanceDueCalls(now = new Date()): Promise<number> {
  const due = await dueCallsFairly(now);
  if (!due.length) return 0;
  return db.$transaction(
    async (tx) => {
      const events: PendingWebhookEvent[] = [];
      let advanced = 0;
      // In id order, so two instances' batches lock shared rows in the same order and cannot deadlock.
      for (const call of due.toSorted((a, b) => (a.id < b.id ? -1 : 1))) {
        const change = callProvider.advance(call, now);
        const { count } = await tx.call.updateMany({
          where: { id: call.id, status: call.status, nextActionAt: call.nextActionAt },
          data: change,
        });
        const event = change.status && STATUS_EVENTS[change.status];
        if (count === 1 && event) events.push({ accountId: call.accountId, type: event, data: serializeCall({ ...call, ...change }) });
        advanced += count;
      }
      // The batch's events in one insert (and its deliveries in one more), after one endpoints read.
      await emitWebhookEvents(tx, events);
      return advanced;
    },
    // A batch is 50 small statements; the default 5 s limit is for a single request's work.
    { timeout: 30_000 },
  );
}

// Runs in every server process; claims make it safe for several to run at once.
export function startCallWorker() {
  startIntervalWorker("call worker", TICK_MS, advanceDueCalls);
}
