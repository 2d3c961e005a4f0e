"use server";

import { revalidatePath } from "next/cache";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { deleteAccountSchema } from "@/lib/accounts/schemas";
import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { updateProfile } from "@/lib/auth/accounts";
import { profileSchema } from "@/lib/auth/schemas";

export const updateProfileAction = validatedActionWithUser(profileSchema, async (input, user) => {
  await updateProfile(user.id, input);
  revalidatePath("/", "layout");
  return { data: true };
});

// Ends nothing by itself: the dialog signs the browser out once this succeeds (the session's
// account no longer exists, so every page would send it to sign-in anyway).
export const deleteAccountAction = validatedActionWithUser(deleteAccountSchema, async (input, user) => {
  await deleteAccount(user.id, input, await requestOrigin());
  return { data: true };
});
