"use server";

import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedAction } from "@/lib/actions/validated-action";
import { createAccount, EmailTakenError } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";
import { reserveSignUp, SignUpThrottledError } from "@/lib/auth/sign-up-throttle";

export const signUpAction = validatedAction(signUpSchema, async (input) => {
  try {
    reserveSignUp((await requestOrigin()).ip ?? "unknown");
    await createAccount(input);
    return { data: true };
  } catch (error) {
    if (error instanceof EmailTakenError) return { fieldErrors: { email: error.message } };
    if (error instanceof SignUpThrottledError) return { error: error.message };
    throw error;
  }
});
