"use client";

import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/actions/validated-action";

type Action<T> = (formData: FormData) => Promise<ActionState<T>>;

// The interactive parts of the sessions list (sessions-list.tsx renders the table on the server).
export function SignOutSessionButton({ sessionId, accessibleName, revoke }: { sessionId: string; accessibleName: string; revoke: Action<boolean> }) {
  const router = useRouter();
  return (
    <ActionForm
      action={revoke}
      fields={{ sessionId }}
      label="Sign out"
      pendingLabel="Signing out…"
      accessibleName={accessibleName}
      variant="ghost"
      onDone={() => {
        toast("Session signed out");
        router.refresh();
      }}
    />
  );
}

export function SignOutOtherSessionsButton({ revokeOthers }: { revokeOthers: Action<{ sessionsEnded: number }> }) {
  const router = useRouter();
  return (
    <ActionForm
      action={revokeOthers}
      fields={{}}
      label="Sign out all other sessions"
      pendingLabel="Signing out…"
      onDone={({ sessionsEnded }) => {
        toast(sessionsEnded === 1 ? "1 other session signed out" : `${sessionsEnded} other sessions signed out`);
        router.refresh();
      }}
    />
  );
}
