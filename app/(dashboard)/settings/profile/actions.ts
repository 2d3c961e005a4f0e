"use server";

import { revalidatePath } from "next/cache";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { deleteAccountSchema } from "@/lib/accounts/schemas";
import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { updateProfile } from "@/lib/auth/accounts";
import { clearSessionCookie } from "@/lib/auth/session-cookie";
import { profileSchema } from "@/lib/auth/schemas";

export const updateProfileAction = validatedActionWithUser(profileSchema, async (input, user) => {
  await updateProfile(user.id, input);
  revalidatePath("/", "layout");
  return { data: true };
});

// The account's sessions go with it; the cookie is cleared too, and the dialog then leaves for sign-in.
export const deleteAccountAction = validatedActionWithUser(deleteAccountSchema, async (input, user) => {
  await deleteAccount(user.id, input, await requestOrigin());
  await clearSessionCookie();
  return { data: true };
});
