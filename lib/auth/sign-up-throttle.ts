import { sharedRateLimiter } from "@/lib/api/rate-limit";

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

// Accounts created per client address per hour (SIGN_UP_LIMIT, default 10): each sign-up costs a
// scrypt hash and a row, and mass-created accounts would multiply every per-account limit.
const signUpsByIp = sharedRateLimiter("sign-up-ip", positiveIntegerFromEnv("SIGN_UP_LIMIT", 10), 60 * 60 * 1000);

export class SignUpThrottledError extends Error {
  constructor(minutes: number) {
    super(`Too many accounts were created from your network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

// Counted before the account is created (whether or not creation then succeeds), so parallel
// sign-ups cannot pass the limit together.
export function reserveSignUp(ip: string, now = Date.now()) {
  const result = signUpsByIp.take(ip, now);
  if (!result.allowed) throw new SignUpThrottledError(Math.ceil(result.resetSeconds / 60));
}
