import type { Instrumentation } from "next";

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

// Errors while rendering a page or running a server action: one "page error" line in the JSON
// log, with the `digest` the error page shows the user, so support can find the line a user
// quotes. The route template is logged, never the concrete path or its query string, which can
// hold ids and tokens. API routes log their own errors with the Request-Id (lib/api/api-route.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs" || context.routeType === "route") return;
  const { logger } = await import("@/lib/logging/logger");
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : null;
  logger.error({ err: error, digest, method: request.method, route: context.routePath, routeType: context.routeType }, "page error");
};
