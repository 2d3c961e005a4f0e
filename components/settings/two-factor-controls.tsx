"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { loadDialogModal } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/actions/validated-action";

type Action<T> = (formData: FormData) => Promise<ActionState<T>>;

export type TwoFactorActions = {
  begin: Action<{ secret: string; qrCode: string }>;
  confirm: Action<{ recoveryCodes: string[] }>;
  disable: Action<boolean>;
};

// The set-up dialog (its forms and texts) loads when set-up begins; the dialog's own code (Radix)
// is fetched at the same moment (components/ui/dialog.tsx): most visits never set it up.
const loadEnrolment = () => import("./two-factor-enrolment");
const TwoFactorSetupDialog = lazy(() => loadEnrolment().then((module) => ({ default: module.TwoFactorSetupDialog })));

// The two buttons of the two-factor section (two-factor-section.tsx renders the rest on the server).
export function TurnOffTwoFactorButton({ disable }: { disable: TwoFactorActions["disable"] }) {
  const router = useRouter();
  return (
    <ActionForm
      action={disable}
      fields={{}}
      label="Turn off two-factor authentication"
      pendingLabel="Turning off…"
      onDone={() => {
        toast("Two-factor authentication turned off");
        router.refresh();
      }}
    />
  );
}

export function SetUpTwoFactor({ begin, confirm }: { begin: TwoFactorActions["begin"]; confirm: TwoFactorActions["confirm"] }) {
  const router = useRouter();
  const [setup, setSetup] = useState<{ secret: string; qrCode: string }>();
  return (
    <>
      <ActionForm
        action={begin}
        fields={{}}
        label="Set up two-factor authentication"
        pendingLabel="Starting…"
        variant="primary"
        onDone={(started) => {
          void loadEnrolment();
          void loadDialogModal(); // both at once, not one after the other
          setSetup(started);
        }}
      />
      {setup && (
        <Suspense fallback={null}>
          <TwoFactorSetupDialog
            setup={setup}
            confirm={confirm}
            onClose={() => {
              setSetup(undefined);
              router.refresh();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
