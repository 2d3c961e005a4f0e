"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogContent } from "@/components/ui/dialog";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/validated-action";
import type { RoutingRuleObject } from "@/lib/routing/schemas";
import { TimeZoneSelect } from "./time-zone-select";

export type RuleAction = (formData: FormData) => Promise<ActionState<boolean>>;

const DAYS = [
  ["mon", "Monday"],
  ["tue", "Tuesday"],
  ["wed", "Wednesday"],
  ["thu", "Thursday"],
  ["fri", "Friday"],
  ["sat", "Saturday"],
  ["sun", "Sunday"],
] as const;

// The form inside the rule dialog, loaded when the dialog first opens (rule-dialog.tsx).
export function RuleForm({ action, editing, onDone }: { action: RuleAction; editing?: RoutingRuleObject; onDone: () => void }) {
  const [scheduled, setScheduled] = useState(Boolean(editing?.schedule));
  const [forward, setForward] = useState(editing?.action === "forward");
  const { state, pending, busy, onSubmit } = useFormAction(action, () => {
    toast(editing ? "Rule saved" : "Rule created");
    onDone();
  });
  const errors = state.fieldErrors ?? {};
  const schedule = editing?.schedule;
  return (
    <DialogContent
      title={editing ? "Edit routing rule" : "New routing rule"}
      description="Leave a condition empty to match any call. A new rule goes last; move it up to try it sooner."
      className="fixed left-1/2 top-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 flex-col overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none"
    >
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        {editing && <input type="hidden" name="rule_id" value={editing.id} />}
        <FormError message={state.error} />
        <TextField label="Name" name="name" autoComplete="off" placeholder="e.g. UK callers after hours" defaultValue={editing?.name ?? ""} error={errors.name} />
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-gray-900">When</legend>
          <TextField
            label="Called number"
            name="called_number"
            type="tel"
            autoComplete="off"
            hint="Only calls to this number of yours. Empty: any number."
            defaultValue={editing?.called_number ?? ""}
            error={errors.called_number}
          />
          <TextField
            label="Caller prefix"
            name="caller_prefix"
            autoComplete="off"
            placeholder="+44"
            hint="Only callers whose number starts with this. Empty: any caller."
            defaultValue={editing?.caller_prefix ?? ""}
            error={errors.caller_prefix}
          />
          <label className="flex items-center gap-2 text-sm text-gray-900">
            <input type="checkbox" name="schedule_enabled" checked={scheduled} onChange={(event) => setScheduled(event.target.checked)} />
            Only at certain times
          </label>
          {scheduled && (
            <div className="space-y-3 rounded-md bg-gray-50 p-3">
              <TimeZoneSelect name="time_zone" label="Time zone" value={schedule?.time_zone} />
              <fieldset>
                <legend className="text-sm font-medium text-gray-900">Days</legend>
                <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-4">
                  {DAYS.map(([day, name]) => (
                    <label key={day} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name={`day_${day}`} defaultChecked={schedule ? schedule.days.includes(day) : day !== "sat" && day !== "sun"} />
                      {name}
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="grid grid-cols-2 gap-3">
                <TextField label="From (HH:MM)" name="start" inputMode="numeric" defaultValue={schedule?.start ?? "09:00"} />
                <TextField label="Until (HH:MM)" name="end" inputMode="numeric" hint="Before From: runs past midnight." defaultValue={schedule?.end ?? "17:00"} />
              </div>
              {errors.schedule && <p className="text-sm text-red-600">Schedule: {errors.schedule}</p>}
            </div>
          )}
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-gray-900">Then</legend>
          <SelectField label="Action" name="action" defaultValue={editing?.action ?? "agent"} onChange={(event) => setForward(event.target.value === "forward")} error={errors.action}>
            <option value="agent">An AI agent answers</option>
            <option value="forward">Forward to a phone number</option>
          </SelectField>
          <TextField
            label={forward ? "Forward to" : "Agent name"}
            name="target"
            type={forward ? "tel" : "text"}
            autoComplete="off"
            placeholder={forward ? "+442079460000" : "default"}
            defaultValue={editing?.target ?? ""}
            error={errors.target}
          />
        </fieldset>
        <div className="flex justify-end gap-3 pt-2">
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" disabled={busy} pending={pending}>
            {pending ? "Saving…" : editing ? "Save rule" : "Create rule"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
