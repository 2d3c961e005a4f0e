import { env } from "@/lib/env";

// Fixed windows aligned to the clock, so every instance agrees where a window starts. Counting
// is local and synchronous (no database work on the request path); on PostgreSQL a background
// sync adds each instance's counts to a shared table and learns the total of all instances
// (lib/api/rate-limit-sync.ts), so one limit holds however many instances serve a key.
type Window = { start: number; pending: number; shared: number };

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export type PendingCount = { limiter: RateLimiter; bucket: string; start: number; count: number };

// On globalThis: Next.js bundles route handlers, server actions and instrumentation separately,
// each with its own copy of this module, and all of them must count in the same limiter.
const shared = globalThis as unknown as { rateLimiters?: Set<RateLimiter>; rateLimitersByName?: Map<string, RateLimiter> };
const limiters = (shared.rateLimiters ??= new Set());
const limitersByName = (shared.rateLimitersByName ??= new Map());

export function allRateLimiters(): RateLimiter[] {
  return [...limiters];
}

// The process's one limiter of this name.
export function sharedRateLimiter(name: string, limit: number, windowMs: number): RateLimiter {
  let limiter = limitersByName.get(name);
  if (!limiter) {
    limiter = new RateLimiter(name, limit, windowMs);
    limitersByName.set(name, limiter);
  }
  return limiter;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {
    limiters.add(this);
  }

  private result(window: Window, now: number, extra: number): RateLimitResult {
    const used = window.shared + window.pending + extra;
    return {
      allowed: used <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - used),
      resetSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)),
    };
  }

  private window(bucket: string, now: number): Window {
    const start = now - (now % this.windowMs);
    let window = this.windows.get(bucket);
    if (!window || window.start !== start) {
      if (this.windows.size > 50_000) this.sweep(start);
      window = { start, pending: 0, shared: 0 };
      this.windows.set(bucket, window);
    }
    return window;
  }

  hit(bucket: string, now = Date.now()): RateLimitResult {
    const window = this.window(bucket, now);
    window.pending += 1;
    return this.result(window, now, 0);
  }

  // Counts the attempt only when it is still within the limit, in one synchronous step: no await
  // between the check and the count, so parallel requests in this process cannot all pass a check
  // made before any of them was counted. A refused attempt is not counted.
  take(bucket: string, now = Date.now()): RateLimitResult {
    const window = this.window(bucket, now);
    const result = this.result(window, now, 1);
    if (result.allowed) window.pending += 1;
    return result;
  }

  // Gives back an attempt that `take` counted (a sign-in that succeeded). A refund that reaches the
  // shared table after its window was synced subtracts there too.
  refund(bucket: string, startedAt: number) {
    const window = this.windows.get(bucket);
    if (window && window.start === startedAt - (startedAt % this.windowMs)) window.pending -= 1;
  }

  // Whether one more request would still be allowed, without counting it.
  peek(bucket: string, now = Date.now()): RateLimitResult | null {
    const window = this.windows.get(bucket);
    if (!window || window.start !== now - (now % this.windowMs)) return null;
    return this.result(window, now, 1);
  }

  // Counts not yet shared; they move into `shared` when the sync reports the new total.
  takePending(): PendingCount[] {
    const pending: PendingCount[] = [];
    for (const [bucket, window] of this.windows) {
      if (window.pending === 0) continue;
      pending.push({ limiter: this, bucket, start: window.start, count: window.pending });
      window.shared += window.pending;
      window.pending = 0;
    }
    return pending;
  }

  // The total across all instances, as the shared table reports it.
  learnShared(bucket: string, start: number, total: number) {
    const window = this.windows.get(bucket);
    if (window && window.start === start) window.shared = Math.max(window.shared, total);
  }

  private sweep(currentStart: number) {
    for (const [bucket, window] of this.windows) if (window.start < currentStart) this.windows.delete(bucket);
  }
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
  };
}

// Per key: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS (default 100 per 10 s).
export const keyRateLimiter = sharedRateLimiter("key", env().RATE_LIMIT_REQUESTS, env().RATE_LIMIT_WINDOW_SECONDS * 1000);

// Failed authentications per client IP, so keys cannot be guessed at speed.
export const failedAuthRateLimiter = sharedRateLimiter("auth-failure", env().AUTH_FAILURE_LIMIT, 60_000);
