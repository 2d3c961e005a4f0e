import { sharedRateLimiter } from "@/lib/api/rate-limit";

const WINDOW_MS = 15 * 60 * 1000;

// Failed sign-ins, counted per email (guessing one account's password) and per client IP
// (spraying many accounts). Successful sign-ins are never counted.
const failuresByEmail = sharedRateLimiter("sign-in-email", 10, WINDOW_MS);
const failuresByIp = sharedRateLimiter("sign-in-ip", 50, WINDOW_MS);

export class SignInThrottledError extends Error {
  constructor(minutes: number) {
    super(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
}

export function assertSignInAllowed(email: string, ip: string) {
  const blocked = [failuresByEmail.peek(email), failuresByIp.peek(ip)].find((state) => state && !state.allowed);
  if (blocked) throw new SignInThrottledError(Math.ceil(blocked.resetSeconds / 60));
}

export function recordFailedSignIn(email: string, ip: string) {
  failuresByEmail.hit(email);
  failuresByIp.hit(ip);
}
