import { db } from "@/lib/db";
import { ConflictError, InvalidInputError } from "@/lib/errors/domain-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { hashPassword, verifyPassword } from "./password";
import type { z } from "zod";
import type { changePasswordSchema, profileSchema, signUpSchema } from "./schemas";
import { revokeOtherSessions } from "./sessions";
import { countedCheck } from "./sign-in-throttle";

export type SessionUser = { id: string; email: string; name: string };

export async function createAccount(input: z.infer<typeof signUpSchema>): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    // The unique index decides, so two simultaneous sign-ups with one email cannot both succeed.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("email_taken", { message: "An account with this email already exists. Sign in instead.", field: "email" });
    }
    throw error;
  }
}

export async function updateProfile(id: string, input: z.infer<typeof profileSchema>): Promise<void> {
  await db.user.update({ where: { id }, data: { name: input.name } });
}

function wrongPassword() {
  return new InvalidInputError("incorrect_password", { message: "That is not your current password.", field: "currentPassword" });
}

// The current password is checked (and counted like a sign-in attempt, so a borrowed session
// cannot guess it); every other session of the account ends with the change.
export async function changePassword(
  session: { id: string; user: SessionUser },
  input: z.infer<typeof changePasswordSchema>,
  origin: RequestOrigin,
): Promise<{ sessionsEnded: number }> {
  const accountId = session.user.id;
  // Read inside the counted check, so a throttled attempt costs no query; the update below needs it too.
  let passwordHash = "";
  const confirmed = await countedCheck(session.user.email, origin.ip, async () => {
    ({ passwordHash } = await db.user.findUniqueOrThrow({ where: { id: accountId }, select: { passwordHash: true } }));
    return verifyPassword(input.currentPassword, passwordHash);
  });
  if (!confirmed) throw wrongPassword();
  const newHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only if no one changed it meanwhile: the check above was against this hash.
    const updated = await tx.user.updateMany({ where: { id: accountId, passwordHash }, data: { passwordHash: newHash } });
    if (updated.count !== 1) throw wrongPassword();
    await recordAuditEvent(tx, { accountId, action: "account.password_changed", origin });
    return { sessionsEnded: await revokeOtherSessions(tx, accountId, session.id, origin) };
  });
}
