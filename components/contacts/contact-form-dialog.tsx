"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionState } from "@/lib/actions/validated-action";

export type EditableContact = {
  id: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  company: string | null;
  external_id: string | null;
};

type ContactAction = (formData: FormData) => Promise<ActionState<boolean>>;

export function ContactFormDialog({ action, editing, label }: { action: ContactAction; editing?: EditableContact; label?: string }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={editing ? "ghost" : "primary"} disabled={!hydrated} aria-label={editing ? `Edit ${label}` : undefined}>
          {editing ? "Edit" : "New contact"}
        </Button>
      </DialogTrigger>
      {open && <ContactForm action={action} editing={editing} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function ContactForm({ action, editing, onDone }: { action: ContactAction; editing?: EditableContact; onDone: () => void }) {
  const { state, pending, busy, onSubmit } = useFormAction(action, () => {
    toast(editing ? "Contact saved" : "Contact created");
    onDone();
  });
  const errors = state.fieldErrors ?? {};
  return (
    <DialogContent
      title={editing ? "Edit contact" : "New contact"}
      description="Every field is optional. Phone numbers may be written as you would dial them; they are stored in E.164."
    >
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        {editing && <input type="hidden" name="contact_id" value={editing.id} />}
        <FormError message={state.error} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="First name" name="first_name" autoComplete="off" defaultValue={editing?.first_name ?? ""} error={errors.first_name} />
          <TextField label="Last name" name="last_name" autoComplete="off" defaultValue={editing?.last_name ?? ""} error={errors.last_name} />
        </div>
        <TextField label="Phone" name="phone" type="tel" autoComplete="off" placeholder="+1 (415) 555-0123" defaultValue={editing?.phone ?? ""} error={errors.phone} />
        <TextField label="Email" name="email" type="email" autoComplete="off" defaultValue={editing?.email ?? ""} error={errors.email} />
        <TextField label="Company" name="company" autoComplete="off" defaultValue={editing?.company ?? ""} error={errors.company} />
        <TextField
          label="External id"
          name="external_id"
          autoComplete="off"
          hint="Your CRM's id for this contact; unique in your account."
          defaultValue={editing?.external_id ?? ""}
          error={errors.external_id}
        />
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy} pending={pending}>
            {pending ? "Saving…" : editing ? "Save contact" : "Create contact"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
