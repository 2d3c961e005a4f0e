"use client";

import Trash2 from "lucide-react/icons/trash-2";
import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { EndpointWithLog } from "@/lib/webhooks/dashboard";
import { ALL_EVENTS } from "@/lib/webhooks/event-types";
import { DeliveryLog } from "./delivery-log";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import { SigningSecret } from "./signing-secret";
import type { DeliveryOutcome, WebhookActions } from "./webhook-action-types";

export function EndpointCard({ endpoint, actions }: { endpoint: EndpointWithLog; actions: WebhookActions }) {
  const hydrated = useHydrated();
  const [testResult, setTestResult] = useState<DeliveryOutcome>();
  const [deleting, setDeleting] = useState(false);
  const fields = { endpointId: endpoint.id };

  return (
    <article aria-label={`Webhook endpoint ${endpoint.url}`} className="space-y-4 border-t border-gray-200 px-6 py-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="break-all font-mono text-sm font-medium text-gray-900">{endpoint.url}</p>
          {endpoint.description && <p className="text-sm text-gray-600">{endpoint.description}</p>}
          <p className="text-xs text-gray-500">
            Events: {endpoint.events.includes(ALL_EVENTS) ? "all events" : endpoint.events.join(", ")}
          </p>
          <p className="text-xs">
            {endpoint.enabled ? (
              <span className="rounded bg-emerald-50 px-1.5 py-0.5 font-medium text-emerald-700">Enabled</span>
            ) : (
              <span className="rounded bg-red-50 px-1.5 py-0.5 font-medium text-red-700">Disabled</span>
            )}
            {endpoint.disabledReason && <span className="ml-2 text-red-700">{endpoint.disabledReason}</span>}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-1">
          <ActionForm
            action={actions.sendTest}
            fields={fields}
            label="Send test event"
            pendingLabel="Sending…"
            onDone={(outcome) => {
              setTestResult(outcome);
              toast(`Test event: ${outcome.summary}`, outcome.delivered ? "success" : "error");
            }}
          />
          <EndpointFormDialog actions={actions} editing={endpoint} />
          <ActionForm
            action={actions.setEnabled}
            fields={{ ...fields, enabled: String(!endpoint.enabled) }}
            label={endpoint.enabled ? "Disable" : "Enable"}
            pendingLabel={endpoint.enabled ? "Disabling…" : "Enabling…"}
            variant="ghost"
            onDone={() => toast(endpoint.enabled ? "Endpoint disabled" : "Endpoint enabled")}
          />
          <Dialog open={deleting} onOpenChange={setDeleting}>
            <DialogTrigger asChild>
              <Button variant="ghost" className="text-red-700" disabled={!hydrated} aria-label={`Delete ${endpoint.url}`}>
                <Trash2 aria-hidden="true" className="size-4" />
                Delete
              </Button>
            </DialogTrigger>
            <DialogContent title="Delete webhook endpoint?" description={`${endpoint.url} stops receiving events, and its delivery log is deleted.`}>
              <div className="flex justify-end gap-3">
                <Button variant="secondary" onClick={() => setDeleting(false)}>
                  Cancel
                </Button>
                <ActionForm
                  action={actions.remove}
                  fields={fields}
                  label="Delete endpoint"
                  pendingLabel="Deleting…"
                  variant="danger"
                  onDone={() => {
                    setDeleting(false);
                    toast("Endpoint deleted");
                  }}
                />
              </div>
            </DialogContent>
          </Dialog>
        </div>
      </div>
      {testResult && (
        <p className={`text-sm ${testResult.delivered ? "text-emerald-700" : "text-red-700"}`}>Test event: {testResult.summary}</p>
      )}
      <SigningSecret endpointId={endpoint.id} actions={actions} />
      <div className="space-y-2">
        <h4 className="text-sm font-medium text-gray-900">Delivery log</h4>
        <DeliveryLog attempts={endpoint.attempts} resend={actions.resend} />
      </div>
    </article>
  );
}
