"use server";

import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedAction, type ActionState } from "@/lib/actions/validated-action";
import { confirmIdentitySchema } from "@/lib/auth/schemas";
import { requireSession } from "@/lib/auth/session";
import { confirmIdentity } from "@/lib/auth/sudo";

// The re-authentication dialog of sudo mode (components/auth/sudo-dialog.tsx).
export const confirmIdentityAction = validatedAction(confirmIdentitySchema, async (proof): Promise<ActionState<boolean>> => {
  const session = await requireSession();
  if (await confirmIdentity(session, proof, await requestOrigin())) return { data: true };
  const field = proof.password ? "password" : "code";
  return { fieldErrors: { [field]: proof.password ? "That is not your password." : "That code is not valid." } };
});
