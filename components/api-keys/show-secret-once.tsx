"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogContent } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";

export type CreatedKey = { secret: string; name: string };

// The secret exists only here, in this render: the server keeps its hash.
export function ShowSecretOnce({ title, created, onDone }: { title: string; created: CreatedKey; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);

  function requestClose(event?: Event) {
    if (copied) return onDone();
    event?.preventDefault();
    setConfirmingClose(true);
  }

  return (
    <DialogContent
      title={title}
      description="Copy it now and store it somewhere safe. This is the only time it will be shown; if you lose it, generate a new one."
      onEscapeKeyDown={requestClose}
      onInteractOutside={requestClose}
    >
      <div className="space-y-4">
        <div className="flex items-end gap-2">
          <div className="flex-1">
            <TextField label="API key" value={created.secret} readOnly className="font-mono" onFocus={(e) => e.currentTarget.select()} />
          </div>
          <CopyButton value={created.secret} label="Copy API key" copiedMessage="API key copied to clipboard" onCopied={() => setCopied(true)} />
        </div>
        {confirmingClose ? (
          <div role="alert" className="space-y-3 rounded-md bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-semibold">Close without copying?</p>
            <p>You will not be able to see this key again.</p>
            <div className="flex justify-end gap-3">
              <Button variant="secondary" onClick={() => setConfirmingClose(false)}>
                Keep open
              </Button>
              <Button variant="danger" onClick={onDone}>
                Close without copying
              </Button>
            </div>
          </div>
        ) : (
          <div className="flex justify-end">
            <Button onClick={() => requestClose()}>Done</Button>
          </div>
        )}
      </div>
    </DialogContent>
  );
}
