import { ConflictError } from "@/lib/errors/domain-errors";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { seal, unseal } from "@/lib/crypto/at-rest";
import { db } from "@/lib/db";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { generateTotpSecret, totpStepOf, totpUri } from "./totp";

// The TOTP secret is sealed at rest: a copy of the database alone cannot mint codes.
const PURPOSE = "TOTP secret";

export function recoveryCodesLeft(accountId: string): Promise<number> {
  return db.recoveryCode.count({ where: { accountId, usedAt: null } });
}

// Starts enrolment with a fresh secret; two-factor stays off until a code from it is confirmed.
export async function beginTwoFactorEnrolment(accountId: string): Promise<{ secret: string; uri: string }> {
  const secret = generateTotpSecret();
  const updated = await db.user.updateMany({
    where: { id: accountId, totpEnabledAt: null },
    data: { totpSecret: seal(secret, PURPOSE), totpLastStep: null },
  });
  if (updated.count !== 1) throw new ConflictError("two_factor_already_enabled", "Two-factor authentication is already on.");
  const { email } = await db.user.findUniqueOrThrow({ where: { id: accountId }, select: { email: true } });
  return { secret, uri: totpUri(secret, email) };
}

// Turns two-factor on when `code` comes from the pending secret; returns the recovery codes,
// which exist in plain text only in this answer.
export async function confirmTwoFactorEnrolment(accountId: string, code: string, origin: RequestOrigin): Promise<string[] | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: accountId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new ConflictError("two_factor_already_enabled", "Two-factor authentication is already on.");
  if (!user.totpSecret) throw new ConflictError("two_factor_setup_expired", "Start the set-up again.");
  const step = totpStepOf(unseal(user.totpSecret, PURPOSE), code);
  if (step === null) return null;
  const codes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    // The secret checked must still be the pending one: a second set-up in another tab replaces it.
    const enabled = await tx.user.updateMany({
      where: { id: accountId, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (enabled.count !== 1) throw new ConflictError("two_factor_setup_expired", "Start the set-up again.");
    await tx.recoveryCode.deleteMany({ where: { accountId } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ accountId, hash: hashRecoveryCode(normalizeRecoveryCode(code)!) })) });
    await recordAuditEvent(tx, { accountId, action: "two_factor.enabled", origin });
  });
  return codes;
}

export async function disableTwoFactor(accountId: string, origin: RequestOrigin): Promise<void> {
  await db.$transaction(async (tx) => {
    const disabled = await tx.user.updateMany({
      where: { id: accountId, totpEnabledAt: { not: null } },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    if (disabled.count !== 1) throw new ConflictError("two_factor_already_disabled", "Two-factor authentication is already off.");
    await tx.recoveryCode.deleteMany({ where: { accountId } });
    await recordAuditEvent(tx, { accountId, action: "two_factor.disabled", origin });
  });
}

// A TOTP code not used before, or an unused recovery code (used up by this call).
export async function verifySecondFactor(accountId: string, code: string, origin: RequestOrigin): Promise<"totp" | "recovery_code" | null> {
  const user = await db.user.findUniqueOrThrow({ where: { id: accountId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user.totpEnabledAt || !user.totpSecret) return null;

  const step = totpStepOf(unseal(user.totpSecret, PURPOSE), code);
  if (step !== null) {
    // Conditional write: of two requests with one code, only one moves the step forward.
    const accepted = await db.user.updateMany({
      where: { id: accountId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return accepted.count === 1 ? "totp" : null;
  }

  const recovery = normalizeRecoveryCode(code);
  if (!recovery) return null;
  return db.$transaction(async (tx) => {
    const used = await tx.recoveryCode.updateMany({
      where: { accountId, hash: hashRecoveryCode(recovery), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return null;
    await recordAuditEvent(tx, { accountId, action: "two_factor.recovery_code_used", origin });
    return "recovery_code" as const;
  });
}
