"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";
import { API_KEY_EXPIRATIONS } from "@/lib/api-keys/choices";
import { AllowedIpsField } from "./allowed-ips-field";
import { PermissionsFields } from "./permissions-fields";
import { ShowSecretOnce, type CreatedKey } from "./show-secret-once";

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

  if (created) return <ShowSecretOnce title={`API key "${created.name}" created`} created={created} onDone={onDone} />;

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
        <PermissionsFields fieldErrors={state.fieldErrors} />
        <AllowedIpsField error={state.fieldErrors?.allowedIps} />
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy} pending={pending}>
            {pending ? "Generating…" : "Generate key"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
