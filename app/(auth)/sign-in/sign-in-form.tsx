"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { signInWithCredentials } from "@/components/auth/credentials-sign-in";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } from "@/lib/auth/sign-in-steps";

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

function errorMessage(error: string | null | undefined): string {
  if (error?.startsWith("Too many failed sign-in attempts")) return error;
  if (error === TWO_FACTOR_INVALID) return "That code is not valid. Enter the current code from your authenticator app, or an unused recovery code.";
  return "That email and password do not match an account. Check them and try again.";
}

// Two steps when the account has two-factor authentication: email and password, then a code.
// The password stays in this component's memory between the steps and is sent again with the
// code, so the server never holds a half-signed-in session.
export function SignInForm() {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string>();
  const [credentials, setCredentials] = useState<{ email: string; password: string }>();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function submit(fields: { email: string; password: string; code?: string }) {
    startTransition(async () => {
      const result = await signInWithCredentials(fields);
      if (!result.ok) {
        if (result.error === TWO_FACTOR_REQUIRED) {
          setCredentials({ email: fields.email, password: fields.password });
          setError(undefined);
          return;
        }
        setError(errorMessage(result.error));
        return;
      }
      router.push(safeCallback(searchParams.get("callbackUrl")));
      router.refresh();
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (credentials) submit({ ...credentials, code: String(form.get("code") ?? "") });
    else submit({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
  }

  if (credentials) {
    return (
      <form method="post" onSubmit={onSubmit} className="space-y-4" key="code">
        <h2 className="text-base font-semibold">Two-factor authentication</h2>
        <FormError message={error} />
        <TextField
          label="Authentication code"
          name="code"
          autoComplete="one-time-code"
          autoFocus
          required
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
        />
        <Button type="submit" className="w-full" disabled={!hydrated} pending={pending}>
          {pending ? "Verifying…" : "Verify"}
        </Button>
        <Button
          type="button"
          variant="ghost"
          className="w-full"
          onClick={() => {
            setCredentials(undefined);
            setError(undefined);
          }}
        >
          Use another account
        </Button>
      </form>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" key="password">
      <FormError message={error} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={!hydrated} pending={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
