"use client";

import Copy from "lucide-react/icons/copy";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useCopyToClipboard } from "@/components/ui/copy-button";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { WebhookActions } from "./webhook-action-types";

export function SigningSecret({ endpointId, actions }: { endpointId: string; actions: WebhookActions }) {
  const hydrated = useHydrated();
  const [secret, setSecret] = useState<string>();
  const [rolling, setRolling] = useState(false);
  const fields = { endpointId };

  const copyToClipboard = useCopyToClipboard();
  const copy = (value: string) => copyToClipboard(value, "Signing secret copied to clipboard");

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-gray-500">Signing secret</span>
      <code aria-label="Signing secret" className="rounded bg-gray-100 px-2 py-1 font-mono text-xs">
        {secret ?? "whsec_••••••••••••••••"}
      </code>
      {secret ? (
        <>
          <Button variant="ghost" onClick={() => setSecret(undefined)}>
            Hide
          </Button>
          <Button variant="ghost" aria-label="Copy signing secret" onClick={() => copy(secret)}>
            <Copy aria-hidden="true" className="size-4" />
            Copy
          </Button>
        </>
      ) : (
        <>
          <ActionForm action={actions.reveal} fields={fields} label="Reveal" pendingLabel="Revealing…" accessibleName="Reveal signing secret" variant="ghost" onDone={setSecret} />
          {/* Copy without showing: the secret is fetched, copied and stays hidden. */}
          <ActionForm action={actions.reveal} fields={fields} label="Copy" pendingLabel="Copying…" accessibleName="Copy signing secret" variant="ghost" onDone={copy} />
        </>
      )}
      <Dialog open={rolling} onOpenChange={setRolling}>
        <DialogTrigger asChild>
          <Button variant="ghost" disabled={!hydrated}>
            Roll secret
          </Button>
        </DialogTrigger>
        <DialogContent
          title="Roll signing secret?"
          description="A new secret signs every delivery from now on. The old secret keeps signing alongside it for 24 hours, so you can update your receiver without missing events."
        >
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setRolling(false)}>
              Cancel
            </Button>
            <ActionForm
              action={actions.roll}
              fields={fields}
              label="Roll secret"
              pendingLabel="Rolling…"
              variant="primary"
              onDone={(rolled) => {
                setRolling(false);
                setSecret(rolled);
                toast("Secret rolled. The old secret keeps signing for 24 hours.");
              }}
            />
          </div>
        </DialogContent>
      </Dialog>
    </div>
  );
}
