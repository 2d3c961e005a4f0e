"use client";

import { lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

// The form loads with the dialog (inside the dialog's Suspense boundary, components/ui/dialog.tsx),
// so Profile Settings does not download it on every visit.
const loadForm = () => import("./delete-account-form");
const DeleteAccountForm = lazy(() => loadForm().then((module) => ({ default: module.DeleteAccountForm })));

export function DeleteAccountDialog({
  email,
  action,
}: {
  email: string;
  action: (formData: FormData) => Promise<ActionState<boolean>>;
}) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger" disabled={!hydrated} onPointerEnter={() => void loadForm()} onFocus={() => void loadForm()}>
          Delete account
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Delete your account?"
        description="Your API keys stop working at once, and your calls, contacts, routing rules and webhook endpoints are erased. This cannot be undone."
      >
        <DeleteAccountForm email={email} action={action} onCancel={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
