import { DELIVERY_TIMEOUT_MS } from "@/lib/webhooks/post-webhook";
import { DISABLE_AFTER_FAILURES, RETRY_SCHEDULE_MS } from "@/lib/webhooks/deliveries";

function duration(ms: number): string {
  if (ms < 60_000) return `${ms / 1000} s`;
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}

// How endpoints are added and deliveries retried; the signature has its own section.
export function WebhookDelivery() {
  return (
    <ul className="list-disc space-y-1 pl-5">
      <li>
        Add an endpoint in Profile Settings → Integration Settings → Webhook Integration, or with{" "}
        <a className="text-indigo-700 underline" href="#createWebhookEndpoint">
          POST /api/v1/webhook-endpoints
        </a>
        . Its signing secret (<code>whsec_…</code>) is in the answer that creates it and behind Reveal in the dashboard.
      </li>
      <li>
        Endpoint URLs must be <code>https</code> and reachable from the internet; private and loopback addresses are refused.
      </li>
      <li>
        Answer with any <code>2xx</code> within {DELIVERY_TIMEOUT_MS / 1000} s. Anything else is retried after about{" "}
        {RETRY_SCHEDULE_MS.map(duration).join(", ")}; then the delivery gives up. After {DISABLE_AFTER_FAILURES} failures in a row the endpoint is
        disabled, and the dashboard says why. A <code>410 Gone</code> answer disables it at once (that is how Zapier&apos;s REST hooks
        unsubscribe).
      </li>
      <li>
        A delivery can arrive more than once (a retry after a lost answer, or Resend in the delivery log) and events can arrive out of order: use
        the <code>webhook-id</code> header (the event&apos;s <code>id</code>) to ignore repeats, and <code>created_at</code> to order them.
      </li>
      <li>Every delivery is signed: check the signature before you trust the body, as the next section shows.</li>
    </ul>
  );
}
