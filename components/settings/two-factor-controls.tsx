"use client";

import { useRouter } from "next/navigation";
import { lazy, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import type { ActionState } from "@/lib/actions/validated-action";

type Action<T> = (formData: FormData) => Promise<ActionState<T>>;

export type TwoFactorActions = {
  begin: Action<{ secret: string; qrCode: string }>;
  confirm: Action<{ recoveryCodes: string[] }>;
  disable: Action<boolean>;
};

// The dialog's forms load when the dialog opens (it waits for the dialog's own code then anyway,
// inside the same Suspense boundary, components/ui/dialog.tsx): most visits never set it up.
const loadEnrolment = () => import("./two-factor-enrolment");
const EnrolForm = lazy(() => loadEnrolment().then((module) => ({ default: module.EnrolForm })));
const RecoveryCodes = lazy(() => loadEnrolment().then((module) => ({ default: module.RecoveryCodes })));

// The two buttons of the two-factor section (two-factor-section.tsx renders the rest on the server).
export function TurnOffTwoFactorButton({ disable }: { disable: TwoFactorActions["disable"] }) {
  const router = useRouter();
  const toast = useToast();
  return (
    <ActionForm
      action={disable}
      fields={{}}
      label="Turn off two-factor authentication"
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
  const [codes, setCodes] = useState<string[]>();

  function close() {
    setSetup(undefined);
    setCodes(undefined);
    router.refresh();
  }

  return (
    <>
      <ActionForm
        action={begin}
        fields={{}}
        label="Set up two-factor authentication"
        variant="primary"
        onDone={(started) => {
          void loadEnrolment(); // fetched beside the dialog's own code, not after it
          setSetup(started);
        }}
      />
      {/* Closing is only by the buttons once codes are shown: they exist nowhere else. */}
      <Dialog open={setup !== undefined} onOpenChange={(open) => !open && !codes && close()}>
        <DialogContent
          title={codes ? "Save your recovery codes" : "Set up two-factor authentication"}
          onEscapeKeyDown={(event) => codes && event.preventDefault()}
          onPointerDownOutside={(event) => codes && event.preventDefault()}
        >
          {codes ? (
            <RecoveryCodes codes={codes} onDone={close} />
          ) : (
            setup && <EnrolForm setup={setup} confirm={confirm} onEnabled={setCodes} />
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
