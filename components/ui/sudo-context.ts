"use client";

import { createContext, useContext } from "react";
import type { ActionState } from "@/lib/actions/validated-action";

// Runs a server action; when the server answers that sudo mode lapsed, asks the user to confirm
// their identity and runs it once more (components/auth/sudo-dialog.tsx provides it).
export type WithSudo = <T>(run: () => Promise<ActionState<T>>) => Promise<ActionState<T>>;

export const SudoContext = createContext<WithSudo | null>(null);

export function useWithSudo(): WithSudo | null {
  return useContext(SudoContext);
}
