"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/validated-action";

export function ChangePasswordForm({ action }: { action: (formData: FormData) => Promise<ActionState<{ sessionsEnded: number }>> }) {
  const form = useRef<HTMLFormElement>(null);
  const { state, pending, busy, onSubmit } = useFormAction(action, ({ sessionsEnded }) => {
    form.current?.reset();
    const others = sessionsEnded === 1 ? "1 other session was" : `${sessionsEnded} other sessions were`;
    toast(`Password changed. ${others} signed out.`);
  });
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={state.error} />
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. Your other sessions will be signed out."
        error={errors.newPassword}
      />
      <Button type="submit" disabled={busy} pending={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
