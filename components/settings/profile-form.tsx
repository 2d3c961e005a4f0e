"use client";

import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/validated-action";

export function ProfileForm({
  name,
  action,
}: {
  name: string;
  action: (formData: FormData) => Promise<ActionState<boolean>>;
}) {
  const { state, pending, busy, onSubmit } = useFormAction(action, () => toast("Profile saved"));
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={state.error} />
      <TextField label="Display name" name="name" defaultValue={name} error={state.fieldErrors?.name} />
      <Button type="submit" disabled={busy} pending={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
