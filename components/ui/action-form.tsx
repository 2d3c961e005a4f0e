"use client";

import type { ActionState } from "@/lib/actions/validated-action";
import { Button, type ButtonVariant } from "./button";
import { useFormAction } from "./use-form-action";

// A one-button form that runs a server action on fixed fields (an id, a flag), with its error inline.
export function ActionForm<T>({
  action,
  fields,
  label,
  pendingLabel = label,
  accessibleName,
  variant = "secondary",
  onDone,
}: {
  action: (formData: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string>;
  label: string;
  // What the button says while the action runs ("Sending…").
  pendingLabel?: string;
  accessibleName?: string;
  variant?: ButtonVariant;
  onDone?: (data: T) => void;
}) {
  const { state, pending, busy, onSubmit } = useFormAction(action, onDone);
  return (
    <form method="post" onSubmit={onSubmit} className="inline-flex items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={busy} pending={pending} aria-label={accessibleName}>
        {pending ? pendingLabel : label}
      </Button>
      {state.error && (
        <span role="alert" className="text-sm text-red-600">
          {state.error}
        </span>
      )}
    </form>
  );
}
