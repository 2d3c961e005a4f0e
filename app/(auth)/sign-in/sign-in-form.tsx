"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { signInWithCredentials } from "@/components/auth/credentials-sign-in";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";

// Only same-site paths: an open redirect here would let a phishing link bounce users anywhere.
function safeCallback(url: string | null): string {
  if (!url) return "/";
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.origin === window.location.origin ? parsed.pathname + parsed.search : "/";
  } catch {
    return "/";
  }
}

export function SignInForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signInWithCredentials(String(form.get("email")), String(form.get("password")));
      if (!result.ok) {
        // next-auth reports "CredentialsSignin" for a plain mismatch and the thrown message otherwise.
        const throttled = result.error?.startsWith("Too many failed sign-in attempts");
        setError(throttled ? result.error! : "That email and password do not match an account. Check them and try again.");
        return;
      }
      router.push(safeCallback(searchParams.get("callbackUrl")));
      router.refresh();
    });
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4">
      <FormError message={error} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending || !hydrated}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
