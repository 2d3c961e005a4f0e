"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";
import { API_KEY_EXPIRATIONS } from "@/lib/api-keys/schemas";

export type CreatedKey = { secret: string; name: string };

type CreateAction = (formData: FormData) => Promise<ActionState<CreatedKey>>;

export function GenerateKeyDialog({ action }: { action: CreateAction }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button disabled={!hydrated}>Generate Key</Button>
      </DialogTrigger>
      {/* Mounted per opening, so every opening starts from an empty form. */}
      {open && <GenerateKeyFlow action={action} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function GenerateKeyFlow({ action, onDone }: { action: CreateAction; onDone: () => void }) {
  const [created, setCreated] = useState<CreatedKey>();
  const { state, pending, busy, onSubmit } = useFormAction(action, setCreated);

  if (created) return <ShowSecretOnce created={created} onDone={onDone} />;

  return (
    <DialogContent title="Generate API key" description="Name the key after the tool that will use it.">
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={state.error} />
        <TextField label="Name" name="name" placeholder="e.g. Zapier production" autoComplete="off" error={state.fieldErrors?.name} />
        <SelectField label="Expiration" name="expiration" defaultValue="never" error={state.fieldErrors?.expiration}>
          {Object.entries(API_KEY_EXPIRATIONS).map(([id, { label }]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy}>
            {pending ? "Generating…" : "Generate key"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}

// The secret exists only here, in this render: the server keeps its hash.
function ShowSecretOnce({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);

  function requestClose(event?: Event) {
    if (copied) return onDone();
    event?.preventDefault();
    setConfirmingClose(true);
  }

  return (
    <DialogContent
      title={`API key "${created.name}" created`}
      description="Copy it now and store it somewhere safe. This is the only time it will be shown; if you lose it, generate a new one."
      onEscapeKeyDown={requestClose}
      onInteractOutside={requestClose}
    >
      <div className="space-y-4">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField label="API key" value={created.secret} readOnly className="font-mono" onFocus={(e) => e.currentTarget.select()} />
          </div>
          <CopyButton value={created.secret} label="Copy API key" copiedMessage="API key copied to clipboard" onCopied={() => setCopied(true)} />
        </div>
        {confirmingClose ? (
          <div role="alert" className="space-y-3 rounded-md bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-semibold">Close without copying?</p>
            <p>You will not be able to see this key again.</p>
            <div className="flex justify-end gap-3">
              <Button variant="secondary" onClick={() => setConfirmingClose(false)}>
                Keep open
              </Button>
              <Button variant="danger" onClick={onDone}>
                Close without copying
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex justify-end">
            <Button onClick={() => requestClose()}>Done</Button>
          </div>
        )}
      </div>
    </DialogContent>
  );
}
