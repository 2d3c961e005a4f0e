import { sharedRateLimiter } from "@/lib/api/rate-limit";
import { throttleKeyOf } from "@/lib/client-address/client-address";
import { ThrottledError } from "@/lib/errors/domain-errors";

const WINDOW_MS = 15 * 60 * 1000;

// Sign-in attempts, counted per email (guessing one account's password or second factor) and per
// client IP (spraying many accounts). An attempt is counted before the password is checked and
// given back when the sign-in succeeds, so only failures use up the limit, and parallel attempts
// cannot all pass a check made before any of them was counted.
const attemptsByEmail = sharedRateLimiter("sign-in-email", 10, WINDOW_MS);
const attemptsByIp = sharedRateLimiter("sign-in-ip", 50, WINDOW_MS);

const throttled = (resetSeconds: number) => ThrottledError.inMinutes("sign_in_throttled", "Too many failed sign-in attempts.", resetSeconds);

export type SignInAttempt = { email: string; ip: string; at: number };

// Counts one attempt for the email and the address (an IPv6 client's /64), or throws without
// counting either.
export function reserveSignInAttempt(email: string, address: string | null, now = Date.now()): SignInAttempt {
  const ip = throttleKeyOf(address);
  const byEmail = attemptsByEmail.take(email, now);
  if (!byEmail.allowed) throw throttled(byEmail.resetSeconds);
  const byIp = attemptsByIp.take(ip, now);
  if (!byIp.allowed) {
    attemptsByEmail.refund(email, now);
    throw throttled(byIp.resetSeconds);
  }
  return { email, ip, at: now };
}

// The attempt succeeded (or checked nothing that could be guessed): it does not count.
export function refundSignInAttempt(attempt: SignInAttempt) {
  attemptsByEmail.refund(attempt.email, attempt.at);
  attemptsByIp.refund(attempt.ip, attempt.at);
}

// A password (or code) check made outside sign-in, counted like one so a stolen session cannot
// use it to guess: throws when over the limit, and only a failed check keeps counting.
export async function countedCheck(email: string, address: string | null, check: () => Promise<boolean>): Promise<boolean> {
  const attempt = reserveSignInAttempt(email, address);
  const passed = await check();
  if (passed) refundSignInAttempt(attempt);
  return passed;
}
