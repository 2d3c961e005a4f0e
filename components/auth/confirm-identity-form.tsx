"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

export type ConfirmAction = (formData: FormData) => Promise<ActionState<boolean>>;

// The sudo dialog's form (sudo-dialog.tsx), loaded when the dialog first opens: every dashboard
// page carries the dialog, few visits need it.
export function ConfirmIdentityForm({ confirm, twoFactor, onConfirmed }: { confirm: ConfirmAction; twoFactor: boolean; onConfirmed: () => void }) {
  const [useCode, setUseCode] = useState(false);
  const [state, setState] = useState<ActionState<boolean>>({});
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  const busy = pending || !hydrated;
  const errors = state.fieldErrors ?? {};

  // Not a transition (useFormAction): the action that asked for sudo mode is itself a pending
  // transition, and React keeps every transition pending until all of them finish, so this form's
  // own would never end while that one waits for it.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setPending(true);
    try {
      const result = await confirm(formData);
      setState(result);
      if (result.data) onConfirmed();
    } catch {
      setState({ error: "Something went wrong. Check your connection and try again." });
    } finally {
      setPending(false);
    }
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={state.error} />
      {useCode ? (
        <TextField label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus error={errors.code} />
      ) : (
        <TextField label="Password" name="password" type="password" autoComplete="current-password" autoFocus error={errors.password} />
      )}
      <div className="flex flex-wrap items-center justify-between gap-3">
        {twoFactor ? (
          <Button type="button" variant="ghost" onClick={() => setUseCode(!useCode)}>
            {useCode ? "Use your password instead" : "Use an authentication code instead"}
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" disabled={busy} pending={pending}>
          {pending ? "Confirming…" : "Confirm"}
        </Button>
      </div>
    </form>
  );
}
