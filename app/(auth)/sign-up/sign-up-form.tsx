"use client";

import { useRouter } from "next/navigation";
import { signInWithCredentials } from "@/components/auth/credentials-sign-in";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const router = useRouter();
  const { state, pending, busy, onSubmit } = useFormAction(signUpAction, async (_created, formData) => {
    const result = await signInWithCredentials({ email: String(formData.get("email")), password: String(formData.get("password")) });
    router.push(result.ok ? "/" : "/sign-in");
    router.refresh();
  });
  const errors = state.fieldErrors ?? {};

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={state.error} />
      <TextField label="Name" name="name" autoComplete="name" error={errors.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.password}
      />
      <Button type="submit" className="w-full" disabled={busy} pending={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
