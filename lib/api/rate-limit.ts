// Fixed-window counters. In one process's memory for now: with several instances each enforces
// its own window (see README, "Rate limits").
type Window = { startedAt: number; count: number };

export type RateLimitResult = { allowed: boolean; limit: number; remaining: number; resetSeconds: number };

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  hit(bucket: string, now = Date.now()): RateLimitResult {
    let window = this.windows.get(bucket);
    if (!window || now - window.startedAt >= this.windowMs) {
      if (this.windows.size > 50_000) this.sweep(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(bucket, window);
    }
    window.count += 1;
    return {
      allowed: window.count <= this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)),
    };
  }

  // The bucket's state without counting a request: whether one more would still be allowed.
  peek(bucket: string, now = Date.now()): RateLimitResult | null {
    const window = this.windows.get(bucket);
    if (!window || now - window.startedAt >= this.windowMs) return null;
    return {
      allowed: window.count < this.limit,
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)),
    };
  }

  private sweep(now: number) {
    for (const [bucket, window] of this.windows) if (now - window.startedAt >= this.windowMs) this.windows.delete(bucket);
  }
}

export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    "RateLimit-Limit": String(result.limit),
    "RateLimit-Remaining": String(result.remaining),
    "RateLimit-Reset": String(result.resetSeconds),
  };
}

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

// Per key: RATE_LIMIT_REQUESTS per RATE_LIMIT_WINDOW_SECONDS (default 100 per 10 s).
export const keyRateLimiter = new RateLimiter(
  positiveIntegerFromEnv("RATE_LIMIT_REQUESTS", 100),
  positiveIntegerFromEnv("RATE_LIMIT_WINDOW_SECONDS", 10) * 1000,
);

// Failed authentications per client IP, so keys cannot be guessed at speed.
export const failedAuthRateLimiter = new RateLimiter(positiveIntegerFromEnv("AUTH_FAILURE_LIMIT", 30), 60_000);
