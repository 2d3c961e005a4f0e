"use client";

import { lazy, useCallback, useRef, useState, type ReactNode } from "react";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { SudoContext, type WithSudo } from "@/components/ui/sudo-context";
import type { ConfirmAction } from "./confirm-identity-form";

// Loaded with the dialog, inside its Suspense boundary (components/ui/dialog.tsx).
const loadForm = () => import("./confirm-identity-form");
const ConfirmIdentityForm = lazy(() => loadForm().then((module) => ({ default: module.ConfirmIdentityForm })));

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
    void loadForm(); // fetched beside the dialog's own code, not after it
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
