import { logger } from "@/lib/logging/logger";

const started = new Set<string>();

// Runs `work` every `tickMs` in this process, never two runs at once; a failed run is logged and
// the next tick tries again. Work state lives in the database, so a restart resumes it.
export function startIntervalWorker(name: string, tickMs: number, work: () => Promise<unknown>) {
  if (started.has(name)) return;
  started.add(name);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (error) {
      logger.error({ err: error, worker: name }, "background run failed");
    } finally {
      running = false;
    }
  }, tickMs);
  timer.unref();
}
