"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogTrigger } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

// The dialog's content (texts and form) loads when it opens, or ahead when the pointer or focus
// reaches the button, so Profile Settings does not download it on every visit.
const loadContent = () => import("./delete-account-form");
const DeleteAccountContent = lazy(() => loadContent().then((module) => ({ default: module.DeleteAccountContent })));

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
        <Button variant="danger" disabled={!hydrated} onPointerEnter={() => void loadContent()} onFocus={() => void loadContent()}>
          Delete account
        </Button>
      </DialogTrigger>
      {open && (
        <Suspense fallback={null}>
          <DeleteAccountContent email={email} action={action} onCancel={() => setOpen(false)} />
        </Suspense>
      )}
    </Dialog>
  );
}
