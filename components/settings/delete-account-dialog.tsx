"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

export function DeleteAccountDialog({
  email,
  action,
}: {
  email: string;
  action: (formData: FormData) => Promise<ActionState<boolean>>;
}) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const router = useRouter();
  // The account and its session cookie are gone: land on sign-in saying so.
  const { state, pending, busy, onSubmit } = useFormAction(action, () => router.replace("/sign-in?account=deleted"));

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger" disabled={!hydrated}>
          Delete account
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Delete your account?"
        description="Your API keys stop working at once, and your calls, contacts, routing rules and webhook endpoints are erased. This cannot be undone."
      >
        <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
          <FormError message={state.error} />
          <TextField label="Password" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
          <TextField
            label={`Type ${email} to confirm`}
            name="confirmEmail"
            autoComplete="off"
            spellCheck={false}
            error={state.fieldErrors?.confirmEmail}
          />
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={busy || state.data === true}>
              {pending || state.data ? "Deleting…" : "Delete this account"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
