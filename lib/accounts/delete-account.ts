import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { countedCheck } from "@/lib/auth/sign-in-throttle";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { InvalidInputError } from "@/lib/errors/domain-errors";
import type { DeleteAccountInput } from "./schemas";

// Erases an account and everything it owns in one transaction: a failure half-way leaves the
// account whole, never keys alive without an owner or an owner without keys.
// Kept: the audit trail (API key events and this deletion), filed under the account's opaque id
// with no name or email left to link it to a person; it answers "which keys existed and when were
// they revoked" after the account is gone.
export async function deleteAccount(accountId: string, input: DeleteAccountInput, origin: RequestOrigin): Promise<void> {
  const account = await db.user.findUnique({ where: { id: accountId }, select: { email: true, passwordHash: true } });
  if (!account) return;
  if (input.confirmEmail !== account.email) {
    throw new InvalidInputError("confirmation_mismatch", { message: `Type ${account.email} exactly to confirm.`, field: "confirmEmail" });
  }
  // A stolen session must not become a password-guessing oracle: failures count as failed sign-ins.
  if (!(await countedCheck(account.email, origin.ip, () => verifyPassword(input.password, account.passwordHash)))) {
    throw new InvalidInputError("incorrect_password", { message: "That password is not correct.", field: "password" });
  }

  await db.$transaction(async (tx) => {
    const liveKeys = await tx.apiKey.findMany({ where: { accountId, revokedAt: null }, select: { id: true } });
    for (const key of liveKeys) await recordAuditEvent(tx, { accountId, apiKeyId: key.id, action: "api_key.revoked", origin });
    await recordAuditEvent(tx, { accountId, apiKeyId: null, action: "account.deleted", origin });

    // Every table holding the account's data references User ON DELETE CASCADE on both engines
    // (better-sqlite3 enforces foreign keys), so this one delete erases it all. Deleting the key
    // rows (hashes included) revokes the keys on the very next request: verification is one
    // lookup by hash with no cache. AuditEvent has no foreign key, so the trail stays.
    await tx.user.delete({ where: { id: accountId } });
    // The request log and usage counts have no foreign key (they outlive a key's row): erased here.
    await tx.requestLog.deleteMany({ where: { accountId } });
    await tx.apiKeyUsage.deleteMany({ where: { accountId } });
  });
}
