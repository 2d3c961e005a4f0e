"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormError, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import type { WebhookActions } from "./webhook-action-types";

type Editing = { id: string; url: string; description: string | null; events: string[] };

export function EndpointFormDialog({ actions, editing }: { actions: WebhookActions; editing?: Editing }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={editing ? "ghost" : "primary"} disabled={!hydrated} aria-label={editing ? `Edit ${editing.url}` : undefined}>
          {editing ? "Edit" : "Add endpoint"}
        </Button>
      </DialogTrigger>
      {open && <EndpointForm actions={actions} editing={editing} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function EndpointForm({ actions, editing, onDone }: { actions: WebhookActions; editing?: Editing; onDone: () => void }) {
  const allEvents = !editing || editing.events.includes(ALL_EVENTS);
  const [scope, setScope] = useState<"all" | "selected">(allEvents ? "all" : "selected");
  const { state, pending, busy, onSubmit } = useFormAction(editing ? actions.update : actions.create, () => {
    toast(editing ? "Endpoint saved" : "Endpoint added");
    onDone();
  });
  const errors = state.fieldErrors ?? {};

  return (
    <DialogContent
      title={editing ? "Edit webhook endpoint" : "Add webhook endpoint"}
      description="Switchboard POSTs signed JSON events to this URL (Standard Webhooks)."
    >
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        {editing && <input type="hidden" name="endpointId" value={editing.id} />}
        <FormError message={state.error} />
        <TextField label="Endpoint URL" name="url" type="url" placeholder="https://hooks.example.com/switchboard" defaultValue={editing?.url} error={errors.url} />
        <TextField label="Description" name="description" placeholder="e.g. Zapier: new completed calls" defaultValue={editing?.description ?? ""} error={errors.description} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-gray-900">Events</legend>
          {(["all", "selected"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} className="size-4 shrink-0 accent-indigo-600" />
              {value === "all" ? "All events" : "Selected events"}
            </label>
          ))}
          {scope === "selected" && (
            <div className="grid grid-cols-1 gap-1 pl-6 sm:grid-cols-2">
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <label key={type} className="flex items-center gap-2 font-mono text-xs">
                  <input type="checkbox" name={`event:${type}`} defaultChecked={editing?.events.includes(type)} />
                  {type}
                </label>
              ))}
            </div>
          )}
          {errors.events && <p className="text-sm text-red-600">{errors.events}</p>}
        </fieldset>
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy} pending={pending}>
            {pending ? "Saving…" : editing ? "Save endpoint" : "Add endpoint"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
