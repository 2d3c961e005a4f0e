import { CodeBlock } from "@/components/docs/code-block";
import { FieldTable } from "@/components/docs/operation-reference";
import { eventDataFields } from "@/lib/openapi/reference";
import { EVENT_DATA_SCHEMAS, EVENT_DESCRIPTIONS, eventExample } from "@/lib/webhooks/event-payloads";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";
import { permissionsToSubscribe } from "@/lib/webhooks/subscribe-permissions";

// Event types that carry the same payload are shown together (the seven call events all carry
// the call), each group with its fields once and one example, from the schemas that type the
// deliveries (lib/webhooks/event-payloads.ts).
function payloadGroups(): WebhookEventType[][] {
  const groups = new Map<unknown, WebhookEventType[]>();
  for (const type of WEBHOOK_EVENT_TYPES) groups.set(EVENT_DATA_SCHEMAS[type], [...(groups.get(EVENT_DATA_SCHEMAS[type]) ?? []), type]);
  return [...groups.values()];
}

// The payload's name in the OpenAPI document's components (Call, Contact, ApiKeyEventData…).
function payloadName(type: WebhookEventType) {
  return String(EVENT_DATA_SCHEMAS[type].meta()?.id ?? "object");
}

// A completed call shows every call field filled in.
const exampleType = (types: WebhookEventType[]) => (types.includes("call.completed") ? "call.completed" : types[0]);

function permissionText(type: WebhookEventType) {
  const needed = permissionsToSubscribe([type]);
  return needed.length ? needed.join(" + ") : "any key";
}

export function WebhookEvents({ baseUrl }: { baseUrl: string }) {
  return (
    <section aria-labelledby="webhooks" className="space-y-4 text-sm text-gray-700">
      <h2 id="webhooks" className="text-lg font-semibold text-gray-900">
        Webhooks
      </h2>
      <p>
        Switchboard POSTs each event as JSON to every enabled webhook endpoint subscribed to its type (or to <code>*</code>):{" "}
        <code>{`{"id": "evt_…", "object": "event", "type", "created_at", "data"}`}</code>, signed the Standard Webhooks way (headers{" "}
        <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>). Answer with any 2xx within 10 seconds; other answers
        are retried with backoff. The OpenAPI document describes each event under <code>webhooks</code>.
      </p>
      <p>
        Every event is also kept for 30 days and listed by <code>GET /api/v1/events</code>, whether or not an endpoint subscribes to it, in exactly
        the form delivered: a receiver that was down catches up with <code>ending_before</code>, and a tool without webhooks can poll. A key sees
        (and may subscribe to) an event only with read permission on what it shows:
      </p>
      <CodeBlock>{`curl "${baseUrl}/api/v1/events?type=call.completed,call.failed&created[gte]=2026-11-30T00:00:00Z&limit=50" \\\n  -H "Authorization: Bearer $SWITCHBOARD_KEY"`}</CodeBlock>
      {payloadGroups().map((types) => (
        <article key={types[0]} aria-label={`Events ${types.join(", ")}`} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-gray-200">
          <table className="w-full text-left text-sm">
            <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-gray-500">Event types</caption>
            <tbody className="divide-y divide-gray-100">
              {types.map((type) => (
                <tr key={type} id={`event-${type}`} className="align-top">
                  <th scope="row" className="py-1.5 pr-3 font-mono sm:w-48 text-xs font-medium text-gray-900">
                    {type}
                  </th>
                  <td className="py-1.5 pr-3 text-gray-700">{EVENT_DESCRIPTIONS[type]}</td>
                  <td className="py-1.5 font-mono text-xs text-gray-600">{permissionText(type)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <FieldTable caption={`data: ${payloadName(types[0])}`} fields={eventDataFields(types[0])} />
          <details className="mt-3">
            <summary className="cursor-pointer text-xs font-semibold text-indigo-700">Example {exampleType(types)} body</summary>
            <CodeBlock className="mt-2">{JSON.stringify(eventExample(exampleType(types)), null, 2)}</CodeBlock>
          </details>
        </article>
      ))}
    </section>
  );
}
