// Next.js calls register() once when a server process starts: the place for background workers.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startCallWorker }, { startWebhookWorker }, { startRateLimitSync }, { startRetentionPurge }, { startUsageFlush }, { startExpiryNotices }] =
    await Promise.all([
    import("@/lib/calls/call-worker"),
    import("@/lib/webhooks/deliveries"),
    import("@/lib/api/rate-limit-sync"),
    import("@/lib/retention/purge-expired-rows"),
    import("@/lib/usage/flush-usage"),
    import("@/lib/api-keys/expiry-notices"),
  ]);
  startCallWorker();
  startWebhookWorker();
  startRateLimitSync();
  startRetentionPurge();
  startUsageFlush();
  startExpiryNotices();
}
