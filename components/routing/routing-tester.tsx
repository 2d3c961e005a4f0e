"use client";

import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/validated-action";
import { TimeZoneSelect } from "./time-zone-select";

export type RoutingTestAnswer = { ruleId: string | null; ruleName: string | null; outcome: string };

// Asks the server which rule would answer a call, using the same matching inbound calls get.
export function RoutingTester({
  action,
  positions,
}: {
  action: (formData: FormData) => Promise<ActionState<RoutingTestAnswer>>;
  positions: Record<string, number>;
}) {
  const { state, pending, busy, onSubmit } = useFormAction(action);
  const errors = state.fieldErrors ?? {};
  const answer = state.data;
  const position = answer?.ruleId ? positions[answer.ruleId] : undefined;
  return (
    <section aria-labelledby="tester-heading" className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <div>
        <h2 id="tester-heading" className="text-base font-semibold text-gray-900">
          Which rule answers this call?
        </h2>
        <p className="mt-1 text-sm text-gray-600">Try a call against the rules above, at any time in any time zone.</p>
      </div>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <FormError message={state.error} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="From (caller)" name="from" type="tel" autoComplete="off" placeholder="+442079460123" error={errors.from} />
          <TextField label="To (your number)" name="to" type="tel" autoComplete="off" placeholder="+14155550100" error={errors.to} />
          <TextField label="Time" name="at" type="datetime-local" error={errors.at} />
          <TimeZoneSelect name="time_zone" label="In time zone" error={errors.time_zone} />
        </div>
        <Button type="submit" variant="secondary" disabled={busy} pending={pending}>
          {pending ? "Checking…" : "Check"}
        </Button>
      </form>
      <div role="status" aria-live="polite" className="text-sm">
        {answer && (
          <p className="rounded-md bg-indigo-50 px-3 py-2 text-indigo-900">
            {answer.ruleId
              ? `Answered by rule ${position ?? "?"}${answer.ruleName ? ` "${answer.ruleName}"` : ""}: ${answer.outcome}.`
              : `No rule matches: the fallback answers. ${answer.outcome}.`}
          </p>
        )}
      </div>
    </section>
  );
}
