"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError, SelectField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";
import { ROLL_GRACE_PERIODS } from "@/lib/api-keys/choices";
import { ShowSecretOnce, type CreatedKey } from "./show-secret-once";

type RollAction = (formData: FormData) => Promise<ActionState<CreatedKey>>;
type KeyRef = { keyId: string; name: string; display: string };

export function RollKeyDialog({ action, ...key }: KeyRef & { action: RollAction }) {
  const [open, setOpen] = useState(false);
  const [rolled, setRolled] = useState(false);
  const hydrated = useHydrated();
  const router = useRouter();

  // The action does not revalidate the list: rolling with "Now" removes the old key's row, and
  // with it this dialog, before the new secret could be read. The list refreshes once it closes,
  // and only if a key was rolled.
  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next && rolled) {
      setRolled(false);
      router.refresh();
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="ghost" disabled={!hydrated} aria-label={`Roll ${key.name} (${key.display})`}>
          Roll
        </Button>
      </DialogTrigger>
      {open && <RollKeyFlow action={action} apiKey={key} onRolled={() => setRolled(true)} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function RollKeyFlow({
  action,
  apiKey,
  onRolled,
  onDone,
}: {
  action: RollAction;
  apiKey: KeyRef;
  onRolled: () => void;
  onDone: () => void;
}) {
  const [created, setCreated] = useState<CreatedKey>();
  const { state, pending, busy, onSubmit } = useFormAction(action, (key) => {
    setCreated(key);
    onRolled();
  });

  if (created) return <ShowSecretOnce title={`API key "${created.name}" rolled`} created={created} onDone={onDone} />;

  return (
    <DialogContent
      title={`Roll API key "${apiKey.name}"?`}
      description={
        <>
          A new secret is issued with the same name, permissions and expiry. Switch your integration to it before{" "}
          <span className="font-mono">{apiKey.display}</span> stops working.
        </>
      }
    >
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="keyId" value={apiKey.keyId} />
        <FormError message={state.error ?? state.fieldErrors?.keyId} />
        <SelectField
          label="Old key keeps working for"
          name="grace"
          defaultValue="1h"
          hint="Choose Now if the old key may have leaked."
          error={state.fieldErrors?.grace}
        >
          {Object.entries(ROLL_GRACE_PERIODS).map(([id, { label }]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy} pending={pending}>
            {pending ? "Rolling…" : "Roll key"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
