"use client";

import { useRouter } from "next/navigation";
import { lazy, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
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

export function TwoFactorSection({ enabled, recoveryCodesLeft, actions }: { enabled: boolean; recoveryCodesLeft: number; actions: TwoFactorActions }) {
  const router = useRouter();
  const toast = useToast();
  const [setup, setSetup] = useState<{ secret: string; qrCode: string }>();
  const [codes, setCodes] = useState<string[]>();

  function close() {
    setSetup(undefined);
    setCodes(undefined);
    router.refresh();
  }

  if (enabled) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone="green">On</Badge>
        <span className="text-sm text-gray-600">
          {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left
        </span>
        <ActionForm
          action={actions.disable}
          fields={{}}
          label="Turn off two-factor authentication"
          onDone={() => {
            toast("Two-factor authentication turned off");
            router.refresh();
          }}
        />
      </div>
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Badge>Off</Badge>
      <ActionForm
        action={actions.begin}
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
            setup && <EnrolForm setup={setup} confirm={actions.confirm} onEnabled={setCodes} />
          )}
        </DialogContent>
      </Dialog>
    </div>
  );
}
