"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";
import type { ApiKeySummary } from "@/lib/api-keys/summary";
import { AllowedIpsField } from "./allowed-ips-field";

type AllowlistAction = (formData: FormData) => Promise<ActionState<readonly string[]>>;

const countLabel = (count: number) => `${count} IP ${count === 1 ? "range" : "ranges"}`;

// The key list's "Allowed IPs" cell: "Any address" or a count whose list opens on hover (title)
// or click (details), and the dialog that edits it.
export function AllowedIpsCell({ apiKey, action }: { apiKey: Pick<ApiKeySummary, "id" | "name" | "allowedIps">; action: AllowlistAction }) {
  const { allowedIps } = apiKey;
  return (
    <div className="flex items-start gap-2">
      {allowedIps.length === 0 ? (
        <span className="whitespace-nowrap">Any address</span>
      ) : (
        <details className="min-w-0" title={allowedIps.join("\n")}>
          <summary className="cursor-pointer whitespace-nowrap">{countLabel(allowedIps.length)}</summary>
          <ul aria-label={`Allowed IPs of ${apiKey.name}`} className="mt-1 space-y-0.5 font-mono text-xs">
            {allowedIps.map((entry) => (
              <li key={entry}>{entry}</li>
            ))}
          </ul>
        </details>
      )}
      <EditAllowedIpsDialog apiKey={apiKey} action={action} />
    </div>
  );
}

function EditAllowedIpsDialog({ apiKey, action }: { apiKey: Pick<ApiKeySummary, "id" | "name" | "allowedIps">; action: AllowlistAction }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" className="-my-1 px-1.5 py-0.5 text-xs" disabled={!hydrated} aria-label={`Edit allowed IPs of ${apiKey.name}`}>
          Edit
        </Button>
      </DialogTrigger>
      {/* Mounted per opening, so the form starts from the key's current list. */}
      {open && <EditAllowedIpsForm apiKey={apiKey} action={action} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function EditAllowedIpsForm({
  apiKey,
  action,
  onDone,
}: {
  apiKey: Pick<ApiKeySummary, "id" | "name" | "allowedIps">;
  action: AllowlistAction;
  onDone: () => void;
}) {
  const { state, pending, busy, onSubmit } = useFormAction(action, (saved) => {
    onDone();
    toast(saved.length === 0 ? `API key "${apiKey.name}" works from any address` : `API key "${apiKey.name}" allows ${countLabel(saved.length)}`);
  });
  return (
    <DialogContent
      title={`Allowed IPs of "${apiKey.name}"`}
      description="Requests with this key from any other address are refused with 403 ip_not_allowed. The change applies to the next request."
    >
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="keyId" value={apiKey.id} />
        <FormError message={state.error} />
        <AllowedIpsField defaultValue={apiKey.allowedIps.join("\n")} error={state.fieldErrors?.allowedIps} />
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy} pending={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
