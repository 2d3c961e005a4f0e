"use server";

import { validatedAction } from "@/lib/actions/validated-action";
import { createAccount, EmailTakenError } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";

export const signUpAction = validatedAction(signUpSchema, async (input) => {
  try {
    await createAccount(input);
    return { data: true };
  } catch (error) {
    if (error instanceof EmailTakenError) return { fieldErrors: { email: error.message } };
    throw error;
  }
});
