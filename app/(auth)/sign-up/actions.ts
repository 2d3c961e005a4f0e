"use server";

import { requestOrigin } from "@/lib/actions/request-origin";
import { validatedAction } from "@/lib/actions/validated-action";
import { createAccount } from "@/lib/auth/accounts";
import { signUpSchema } from "@/lib/auth/schemas";
import { reserveSignUp } from "@/lib/auth/sign-up-throttle";

export const signUpAction = validatedAction(signUpSchema, async (input) => {
  reserveSignUp((await requestOrigin()).ip);
  await createAccount(input);
  return { data: true };
});
