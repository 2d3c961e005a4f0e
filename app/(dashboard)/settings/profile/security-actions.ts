"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedActionWithSession, validatedSudoActionWithUser } from "@/lib/actions/validated-action";
import { changePassword } from "@/lib/auth/accounts";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { revokeOtherSessions, revokeSession } from "@/lib/auth/sessions";
import { qrCodeDataUrl } from "@/lib/two-factor/qr-code";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor } from "@/lib/two-factor/two-factor";

const PROFILE_PATH = "/settings/profile";

export const changePasswordAction = validatedActionWithSession(changePasswordSchema, async (input, session) => {
  const { sessionsEnded } = await changePassword(session, input, await requestOrigin());
  revalidatePath(PROFILE_PATH);
  return { data: { sessionsEnded } };
});

export const revokeSessionAction = validatedActionWithSession(z.object({ sessionId: z.string().min(1).max(64) }), async ({ sessionId }, session) => {
  if (sessionId === session.id) return { error: "Use Sign out to end this session." };
  const revoked = await revokeSession(session.user.id, sessionId, await requestOrigin());
  revalidatePath(PROFILE_PATH);
  return revoked ? { data: true } : { error: "This session has already ended." };
});

export const revokeOtherSessionsAction = validatedActionWithSession(z.object({}), async (_input, session) => {
  const origin = await requestOrigin();
  const ended = await db.$transaction((tx) => revokeOtherSessions(tx, session.user.id, session.id, origin));
  revalidatePath(PROFILE_PATH);
  return { data: { sessionsEnded: ended } };
});

export const beginTwoFactorAction = validatedSudoActionWithUser(z.object({}), async (_input, user) => {
  const { secret, uri } = await beginTwoFactorEnrolment(user.id);
  return { data: { secret, qrCode: await qrCodeDataUrl(uri) } };
});

export const confirmTwoFactorAction = validatedSudoActionWithUser(
  z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.") }),
  async ({ code }, user) => {
    const recoveryCodes = await confirmTwoFactorEnrolment(user.id, code, await requestOrigin());
    if (!recoveryCodes) return { fieldErrors: { code: "That code is not valid. Check your device's clock and try the current code." } };
    return { data: { recoveryCodes } };
  },
);

export const disableTwoFactorAction = validatedSudoActionWithUser(z.object({}), async (_input, user) => {
  await disableTwoFactor(user.id, await requestOrigin());
  revalidatePath(PROFILE_PATH);
  return { data: true };
});
