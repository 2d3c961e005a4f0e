"use server";

import { revalidatePath } from "next/cache";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { updateProfile } from "@/lib/auth/accounts";
import { profileSchema } from "@/lib/auth/schemas";

export const updateProfileAction = validatedActionWithUser(profileSchema, async (input, user) => {
  await updateProfile(user.id, input);
  revalidatePath("/", "layout");
  return { data: true };
});
