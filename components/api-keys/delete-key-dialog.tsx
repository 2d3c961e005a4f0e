"use client";

import Trash2 from "lucide-react/icons/trash-2";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

export function DeleteKeyDialog({
  keyId,
  name,
  display,
  action,
}: {
  keyId: string;
  name: string;
  display: string;
  action: (formData: FormData) => Promise<ActionState<boolean>>;
}) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const { state, pending, busy, onSubmit } = useFormAction(action, () => {
    setOpen(false);
    toast(`API key "${name}" deleted`);
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" className="text-red-700" disabled={!hydrated} aria-label={`Delete ${name} (${display})`}>
          <Trash2 aria-hidden="true" className="size-4" />
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete API key "${name}"?`}
        description={
          <>
            Anything using <span className="font-mono">{display}</span> stops working immediately. This cannot be undone.
          </>
        }
      >
        <form method="post" onSubmit={onSubmit} className="space-y-4">
          <input type="hidden" name="keyId" value={keyId} />
          <FormError message={state.error} />
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={busy} pending={pending}>
              {pending ? "Deleting…" : "Delete key"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
