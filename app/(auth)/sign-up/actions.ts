"use server";

import { validatedAction } from "@/lib/actions/validated-action";
import { createAccount } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";

// A taken email is a ConflictError naming the email field: validatedAction puts it there.
export const signUpAction = validatedAction(signUpSchema, async (input) => {
  await createAccount(input);
  return { data: true };
});
