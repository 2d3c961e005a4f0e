"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DialogContent } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/validated-action";

// The inside of the Delete account dialog: loaded when the dialog opens (delete-account-dialog.tsx).
export function DeleteAccountContent({
  email,
  action,
  onCancel,
}: {
  email: string;
  action: (formData: FormData) => Promise<ActionState<boolean>>;
  onCancel: () => void;
}) {
  const router = useRouter();
  // The account and its session cookie are gone: land on sign-in saying so.
  const { state, pending, busy, onSubmit } = useFormAction(action, () => router.replace("/sign-in?account=deleted"));
  return (
    <DialogContent
      title="Delete your account?"
      description="Your API keys stop working at once, and your calls, contacts, routing rules and webhook endpoints are erased. This cannot be undone."
    >
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={state.error} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
        <TextField label={`Type ${email} to confirm`} name="confirmEmail" autoComplete="off" spellCheck={false} error={state.fieldErrors?.confirmEmail} />
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={busy || state.data === true} pending={pending}>
            {pending || state.data ? "Deleting…" : "Delete this account"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
