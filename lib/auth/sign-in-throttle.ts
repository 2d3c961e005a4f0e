import { sharedRateLimiter } from "@/lib/api/rate-limit";
import { ThrottledError } from "@/lib/errors/domain-errors";

const WINDOW_MS = 15 * 60 * 1000;

// Failed sign-ins, counted per email (guessing one account's password) and per client IP
// (spraying many accounts). Successful sign-ins are never counted.
const failuresByEmail = sharedRateLimiter("sign-in-email", 10, WINDOW_MS);
const failuresByIp = sharedRateLimiter("sign-in-ip", 50, WINDOW_MS);


export function assertSignInAllowed(email: string, ip: string) {
  const blocked = [failuresByEmail.peek(email), failuresByIp.peek(ip)].find((state) => state && !state.allowed);
  if (!blocked) return;
  const minutes = Math.ceil(blocked.resetSeconds / 60);
  throw new ThrottledError("sign_in_throttled", `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, blocked.resetSeconds);
}

export function recordFailedSignIn(email: string, ip: string) {
  failuresByEmail.hit(email);
  failuresByIp.hit(ip);
}
