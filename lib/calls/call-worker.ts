import { db } from "@/lib/db";
import { startIntervalWorker } from "@/lib/workers/interval-worker";
import { callProvider } from "./calls";

const TICK_MS = 250;
const BATCH = 50;

// Moves due calls one step. Claims each step with a conditional update on the state it read,
// so two instances (or two ticks) never apply the same step twice.
export async function advanceDueCalls(now = new Date()): Promise<number> {
  const due = await db.call.findMany({ where: { nextActionAt: { lte: now } }, orderBy: { nextActionAt: "asc" }, take: BATCH });
  let advanced = 0;
  for (const call of due) {
    const change = callProvider.advance(call, now);
    const { count } = await db.call.updateMany({
      where: { id: call.id, status: call.status, nextActionAt: call.nextActionAt },
      data: change,
    });
    advanced += count;
  }
  return advanced;
}

// Runs in every server process; claims make it safe for several to run at once.
export function startCallWorker() {
  startIntervalWorker("call worker", TICK_MS, advanceDueCalls);
}
