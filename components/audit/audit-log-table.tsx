import { Link } from "@/components/ui/link";
import { DATE_TIME_SECONDS, Time } from "@/components/ui/time";
import { actionLabel, actorLabel } from "@/lib/audit/action-labels";
import type { AuditEventRow } from "@/lib/audit/list-audit-events";
import { describeDevice } from "@/lib/auth/device";
import { ScrollTable } from "@/components/ui/scroll-table";

const PAGE_LINK = "rounded-md px-3 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50";

// What the event was about: the key (by name, or its id once deleted) or the webhook endpoint.
function Subject({ event }: { event: AuditEventRow }) {
  if (event.apiKeyId && event.actor !== "api_key") {
    return event.apiKey ? (
      <span>
        {event.apiKey.name} <span className="font-mono text-xs text-gray-500">{event.apiKey.display}</span>
      </span>
    ) : (
      <span className="font-mono text-xs">{event.apiKeyId}</span>
    );
  }
  if (event.endpointId) return <span className="font-mono text-xs">{event.endpointId}</span>;
  return <span className="text-gray-400">—</span>;
}

function Actor({ event }: { event: AuditEventRow }) {
  if (event.actor !== "api_key") return <>{actorLabel(event.actor)}</>;
  // Through the API: name the key that acted.
  return (
    <span>
      API key {event.apiKey ? <>{event.apiKey.name} <span className="font-mono text-xs text-gray-500">{event.apiKey.display}</span></> : <span className="font-mono text-xs">{event.apiKeyId}</span>}
    </span>
  );
}

export function AuditLogTable({ events, nextHref, newestHref, paged }: { events: AuditEventRow[]; nextHref: string | null; newestHref: string; paged: boolean }) {
  return (
    <section aria-label="Audit events" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      {events.length === 0 ? (
        <p className="px-6 py-10 text-center text-sm text-gray-600">No events match these filters.</p>
      ) : (
        <ScrollTable label="Audit events table">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
              <tr>
                <th scope="col" className="py-3 pl-6 pr-4 font-medium">Time</th>
                <th scope="col" className="px-4 py-3 font-medium">Action</th>
                <th scope="col" className="px-4 py-3 font-medium">Actor</th>
                <th scope="col" className="px-4 py-3 font-medium">Key or endpoint</th>
                <th scope="col" className="px-4 py-3 font-medium">IP address</th>
                <th scope="col" className="py-3 pl-4 pr-6 font-medium">User agent</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-200">
              {events.map((event) => (
                <tr key={event.id} data-action={event.action}>
                  <td className="whitespace-nowrap py-3 pl-6 pr-4 text-gray-700">
                    <Time value={event.createdAt} format={DATE_TIME_SECONDS} />
                  </td>
                  <th scope="row" className="px-4 py-3 font-medium text-gray-900">{actionLabel(event.action)}</th>
                  <td className="px-4 py-3 text-gray-700"><Actor event={event} /></td>
                  <td className="px-4 py-3 text-gray-700"><Subject event={event} /></td>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-gray-700">{event.ip ?? "—"}</td>
                  <td className="py-3 pl-4 pr-6 text-gray-700" title={event.userAgent ?? undefined}>
                    {event.userAgent ? describeDevice(event.userAgent) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {(paged || nextHref) && (
        <nav aria-label="Pagination" className="flex justify-between gap-3 border-t border-gray-200 px-6 py-4">
          {paged ? (
            <Link href={newestHref} className={PAGE_LINK}>
              Newest events
            </Link>
          ) : (
            <span />
          )}
          {nextHref && (
            <Link href={nextHref} className={PAGE_LINK}>
              Older events
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
