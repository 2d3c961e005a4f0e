"use client";

import { ActionForm } from "@/components/ui/action-form";
import { DATE_TIME_SECONDS, Time } from "@/components/ui/time";
import { toast } from "@/components/ui/toast";
import type { DeliveryAttemptRow } from "@/lib/webhooks/dashboard";
import type { WebhookActions } from "./webhook-action-types";
import { ScrollTable } from "@/components/ui/scroll-table";


export function DeliveryLog({ attempts, resend }: { attempts: DeliveryAttemptRow[]; resend: WebhookActions["resend"] }) {
  if (attempts.length === 0) return <p className="text-sm text-gray-600">No deliveries yet. Send a test event to try the endpoint.</p>;
  return (
    <ScrollTable label="Delivery log table" className="max-h-96 overflow-y-auto rounded-md ring-1 ring-gray-200">
      <table className="min-w-full text-left text-xs">
        <caption className="sr-only">Delivery log</caption>
        <thead className="sticky top-0 bg-gray-50 uppercase tracking-wide text-gray-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Event</th>
            <th scope="col" className="px-3 py-2 font-medium">Time</th>
            <th scope="col" className="px-3 py-2 font-medium">Result</th>
            <th scope="col" className="px-3 py-2 font-medium">Duration</th>
            <th scope="col" className="px-3 py-2 font-medium">Attempt</th>
            <th scope="col" className="px-3 py-2 font-medium">Response</th>
            <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {attempts.map((attempt) => (
            <tr key={attempt.id} className="align-top">
              <td className="px-3 py-2 font-mono">{attempt.eventType}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <Time value={attempt.createdAt} format={DATE_TIME_SECONDS} />
              </td>
              <td className={`px-3 py-2 font-medium ${attempt.succeeded ? "text-emerald-700" : "text-red-700"}`}>
                {attempt.statusCode ? `HTTP ${attempt.statusCode}` : attempt.error}
              </td>
              <td className="px-3 py-2">{attempt.durationMs} ms</td>
              <td className="px-3 py-2">{attempt.attempt}</td>
              <td className="max-w-xs truncate px-3 py-2 font-mono text-gray-600" title={attempt.responseExcerpt ?? undefined}>
                {attempt.responseExcerpt || "—"}
              </td>
              <td className="px-3 py-2">
                <ActionForm
                  action={resend}
                  fields={{ deliveryId: attempt.deliveryId }}
                  label="Resend"
                  pendingLabel="Resending…"
                  accessibleName={`Resend ${attempt.eventType} (attempt ${attempt.attempt})`}
                  variant="ghost"
                  onDone={(outcome) => toast(`Resent: ${outcome.summary}`, outcome.delivered ? "success" : "error")}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
