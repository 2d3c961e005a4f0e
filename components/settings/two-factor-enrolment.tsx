"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { TwoFactorActions } from "./two-factor-controls";

// The set-up dialog: loaded only when someone sets up two-factor authentication
// (two-factor-controls.tsx), so Profile Settings does not download it on every visit.
function EnrolForm({ setup, confirm, onEnabled }: { setup: { secret: string; qrCode: string }; confirm: TwoFactorActions["confirm"]; onEnabled: (codes: string[]) => void }) {
  const { state, pending, busy, onSubmit } = useFormAction(confirm, ({ recoveryCodes }) => onEnabled(recoveryCodes));
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={state.error} />
      <ol className="list-decimal space-y-3 pl-5 text-sm text-gray-700">
        <li>
          Scan this QR code with an authenticator app (1Password, Google Authenticator, Authy…).
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL rendered on the server; nothing for next/image to optimise */}
          <img src={setup.qrCode} alt="QR code for your authenticator app" width={192} height={192} className="mt-2 h-48 w-48" />
        </li>
        <li>
          Or type this setup key into the app:{" "}
          <code aria-label="Setup key" className="break-all rounded bg-gray-100 px-2 py-1 font-mono text-xs">
            {setup.secret}
          </code>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <TextField label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" error={state.fieldErrors?.code} />
      <div className="flex justify-end">
        <Button type="submit" disabled={busy} pending={pending}>
          {pending ? "Verifying…" : "Verify and turn on"}
        </Button>
      </div>
    </form>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-gray-700">
        Each code signs you in once if you lose your authenticator. Store them somewhere safe: they will not be shown again.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-md bg-gray-50 p-3 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex justify-end gap-3">
        <CopyButton value={codes.join("\n")} label="Copy recovery codes" copiedMessage="Recovery codes copied to clipboard" />
        <Button onClick={onDone}>I have saved my recovery codes</Button>
      </div>
    </div>
  );
}

export function TwoFactorSetupDialog({
  setup,
  confirm,
  onClose,
}: {
  setup: { secret: string; qrCode: string };
  confirm: TwoFactorActions["confirm"];
  onClose: () => void;
}) {
  const [codes, setCodes] = useState<string[]>();
  return (
    // Closing is only by the buttons once codes are shown: they exist nowhere else.
    <Dialog open onOpenChange={(open) => !open && !codes && onClose()}>
      <DialogContent
        title={codes ? "Save your recovery codes" : "Set up two-factor authentication"}
        onEscapeKeyDown={(event) => codes && event.preventDefault()}
        onPointerDownOutside={(event) => codes && event.preventDefault()}
      >
        {codes ? <RecoveryCodes codes={codes} onDone={onClose} /> : <EnrolForm setup={setup} confirm={confirm} onEnabled={setCodes} />}
      </DialogContent>
    </Dialog>
  );
}
