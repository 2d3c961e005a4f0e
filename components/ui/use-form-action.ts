"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/validated-action";
import { useWithSudo } from "./sudo-context";
import { useHydrated } from "./use-hydrated";

// Submits a form to a server action without React's automatic form reset, so what the
// user typed stays in place next to the error that explains what to fix.
export function useFormAction<T>(
  action: (formData: FormData) => Promise<ActionState<T>>,
  onSuccess?: (data: T, formData: FormData) => void | Promise<void>,
) {
  const [state, setState] = useState<ActionState<T>>({});
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const withSudo = useWithSudo();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      try {
        // Inside the dashboard, an action refused for lapsed sudo mode asks for the password and runs again.
        const result = await (withSudo ? withSudo(() => action(formData)) : action(formData));
        setState(result);
        if (result.data !== undefined) await onSuccess?.(result.data, formData);
      } catch {
        setState({ error: "Something went wrong. Check your connection and try again." });
      }
    });
  }

  // `busy` disables submit buttons while a submission runs and until the page is interactive.
  return { state, pending, busy: pending || !hydrated, onSubmit };
}
