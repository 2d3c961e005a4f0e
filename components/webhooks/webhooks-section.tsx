import type { EndpointWithLog } from "@/lib/webhooks/dashboard";
import { EndpointCard } from "./endpoint-card";
import { EndpointFormDialog } from "./endpoint-form-dialog";
import type { WebhookActions } from "./webhook-action-types";

export function WebhooksSection({ endpoints, actions }: { endpoints: EndpointWithLog[]; actions: WebhookActions }) {
  return (
    <section aria-labelledby="webhooks-heading" className="rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-wrap items-start justify-between gap-4 p-6">
        <div>
          <h2 id="webhooks-heading" className="text-base font-semibold">
            Webhook Integration
          </h2>
          <p className="mt-1 max-w-prose text-sm text-gray-600">
            Switchboard tells Make, Zapier or your CRM what happens (calls, contacts, keys) by POSTing signed events to your endpoints. Failed
            deliveries are retried for a day.
          </p>
        </div>
        <EndpointFormDialog actions={actions} />
      </div>
      {endpoints.length === 0 ? (
        <p className="border-t border-gray-200 px-6 py-10 text-center text-sm text-gray-600">No webhook endpoints yet.</p>
      ) : (
        endpoints.map((endpoint) => <EndpointCard key={endpoint.id} endpoint={endpoint} actions={actions} />)
      )}
    </section>
  );
}
