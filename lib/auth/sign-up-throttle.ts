import { sharedRateLimiter } from "@/lib/api/rate-limit";
import { throttleKeyOf } from "@/lib/client-address/client-address";
import { env } from "@/lib/env";
import { ThrottledError } from "@/lib/errors/domain-errors";

// Accounts created per client address per hour (SIGN_UP_LIMIT): each sign-up costs a scrypt hash
// and a row, and mass-created accounts would multiply every per-account limit.
const signUpsByIp = sharedRateLimiter("sign-up-ip", env().SIGN_UP_LIMIT, 60 * 60 * 1000);

// Counted before the account is created (whether or not creation then succeeds), so parallel
// sign-ups cannot pass the limit together.
export function reserveSignUp(address: string | null, now = Date.now()) {
  const result = signUpsByIp.take(throttleKeyOf(address), now);
  if (!result.allowed) throw ThrottledError.inMinutes("sign_up_throttled", "Too many accounts were created from your network.", result.resetSeconds);
}
