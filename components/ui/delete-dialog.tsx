"use client";

import { useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { Button } from "./button";
import { Dialog, DialogContent, DialogTrigger } from "./dialog";
import { FormError } from "./field";
import { toast } from "./toast";
import { useFormAction } from "./use-form-action";
import { useHydrated } from "./use-hydrated";

// "Delete X?" with Cancel and a red confirm button: the one shape every delete in the dashboard takes.
// The trigger is a word without an icon: Contacts and Routing would otherwise carry lucide's icon
// runtime for it, over their 140 kB JavaScript budget (issue 13).
export function DeleteDialog({
  title,
  description,
  fields,
  action,
  accessibleName,
  confirmLabel,
  doneMessage,
}: {
  title: string;
  description: ReactNode;
  fields: Record<string, string>;
  action: (formData: FormData) => Promise<ActionState<boolean>>;
  accessibleName: string;
  confirmLabel: string;
  doneMessage: string;
}) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const { state, pending, busy, onSubmit } = useFormAction(action, () => {
    setOpen(false);
    toast(doneMessage);
  });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" className="text-red-700" disabled={!hydrated} aria-label={accessibleName}>
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent title={title} description={description}>
        <form method="post" onSubmit={onSubmit} className="space-y-4">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <FormError message={state.error} />
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={busy} pending={pending}>
              {pending ? "Deleting…" : confirmLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
