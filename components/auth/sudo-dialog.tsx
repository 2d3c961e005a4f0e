"use client";

import { useCallback, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { SudoContext, type WithSudo } from "@/components/ui/sudo-context";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

type ConfirmAction = (formData: FormData) => Promise<ActionState<boolean>>;

function ConfirmIdentityForm({ confirm, twoFactor, onConfirmed }: { confirm: ConfirmAction; twoFactor: boolean; onConfirmed: () => void }) {
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
        <Button type="submit" disabled={busy}>
          {pending ? "Confirming…" : "Confirm"}
        </Button>
      </div>
    </form>
  );
}

// Sudo mode's re-authentication dialog for everything in the dashboard: an action the server
// refused with `sudoRequired` waits here until the password (or a TOTP code) is confirmed, then
// runs again; cancelling leaves it refused.
export function SudoProvider({ confirm, twoFactor, children }: { confirm: ConfirmAction; twoFactor: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const waiting = useRef<((confirmed: boolean) => void) | null>(null);

  const settle = useCallback((confirmed: boolean) => {
    waiting.current?.(confirmed);
    waiting.current = null;
    setOpen(false);
  }, []);

  const withSudo = useCallback<WithSudo>(async (run) => {
    const first = await run();
    if (!first.sudoRequired) return first;
    waiting.current?.(false);
    const confirmed = await new Promise<boolean>((resolve) => {
      waiting.current = resolve;
      setOpen(true);
    });
    return confirmed ? run() : first;
  }, []);

  return (
    <SudoContext.Provider value={withSudo}>
      {children}
      <Dialog open={open} onOpenChange={(next) => !next && settle(false)}>
        <DialogContent
          title="Confirm access"
          description="This action needs your password again: you have not entered it in the last 15 minutes."
        >
          <ConfirmIdentityForm confirm={confirm} twoFactor={twoFactor} onConfirmed={() => settle(true)} />
        </DialogContent>
      </Dialog>
    </SudoContext.Provider>
  );
}
