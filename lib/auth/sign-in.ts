import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { verifySecondFactor } from "@/lib/two-factor/two-factor";
import type { SessionUser } from "./accounts";
import { passwordDecoyHash, verifyPassword } from "./password";
import { createSession } from "./sessions";
import { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } from "./sign-in-steps";
import { refundSignInAttempt, reserveSignInAttempt } from "./sign-in-throttle";

// Carries a step of sign-in-steps.ts to the form; next-auth passes only the message through.
export class SignInStepError extends Error {}

export type SignedIn = SessionUser & { sessionId: string };

async function recordFailure(accountId: string, origin: RequestOrigin) {
  await db.$transaction((tx) => recordAuditEvent(tx, { accountId, action: "session.sign_in_failed", origin }));
}

// Password first, then (when enabled) a TOTP or recovery code. The attempt is counted before
// anything is checked (throwing a ThrottledError over the limit) and given back only when the
// sign-in succeeds, or when the right password merely needs its second step: a wrong password or
// a wrong code keeps counting, so neither can be guessed faster than the limit allows.
export async function signInWithPassword(
  input: { email: string; password: string; code?: string },
  origin: RequestOrigin,
): Promise<SignedIn | null> {
  const attempt = reserveSignInAttempt(input.email, origin.ip);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true, totpEnabledAt: true },
  });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await passwordDecoyHash()));
  if (!user || !valid) {
    if (user) await recordFailure(user.id, origin);
    return null;
  }
  if (user.totpEnabledAt) {
    if (!input.code) {
      refundSignInAttempt(attempt);
      throw new SignInStepError(TWO_FACTOR_REQUIRED);
    }
    if (!(await verifySecondFactor(user.id, input.code, origin))) {
      await recordFailure(user.id, origin);
      throw new SignInStepError(TWO_FACTOR_INVALID);
    }
  }
  refundSignInAttempt(attempt);
  const sessionId = await db.$transaction(async (tx) => {
    const id = await createSession(tx, user.id, origin);
    await recordAuditEvent(tx, { accountId: user.id, action: "session.signed_in", origin });
    return id;
  });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}
