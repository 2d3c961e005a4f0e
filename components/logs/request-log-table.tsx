import { Link } from "@/components/ui/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DATE_TIME_SECONDS, Time } from "@/components/ui/time";
import type { LoggedKey, RequestLogFilters, RequestLogPage } from "@/lib/usage/request-log-query";
import { ScrollTable } from "@/components/ui/scroll-table";

const PAGE_LINK = "rounded-md px-3 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50";

const toneOf = (status: number): BadgeTone => (status >= 500 ? "red" : status >= 400 ? "amber" : "green");

function pageHref(filters: RequestLogFilters, before: string | null) {
  const query = new URLSearchParams();
  for (const name of ["key", "status", "method", "route"] as const) {
    const value = filters[name];
    if (value) query.set(name, value);
  }
  if (before) query.set("before", before);
  const text = query.toString();
  return text ? `/logs?${text}` : "/logs";
}

export function RequestLogTable({ page, filters, keys }: { page: RequestLogPage; filters: RequestLogFilters; keys: LoggedKey[] }) {
  const keysById = new Map(keys.map((key) => [key.id, key]));
  const filtered = Boolean(filters.key || filters.status || filters.method || filters.route || filters.before);
  return (
    <section aria-label="Requests" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      {page.entries.length === 0 ? (
        <div className="px-6 py-10 text-center text-sm text-gray-600">
          {filters.request_id ? (
            <p>No request of yours has the Request-Id {filters.request_id} in the last 14 days.</p>
          ) : filtered ? (
            <p>No requests match these filters.</p>
          ) : (
            <p>No requests yet. Call the API with one of your keys and the requests show up here.</p>
          )}
        </div>
      ) : (
        <>
          <ScrollTable label="Requests table">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
                <tr>
                  <th scope="col" className="py-3 pl-6 pr-4 font-medium">Time</th>
                  <th scope="col" className="px-4 py-3 font-medium">Status</th>
                  <th scope="col" className="px-4 py-3 font-medium">Method</th>
                  <th scope="col" className="px-4 py-3 font-medium">Route</th>
                  <th scope="col" className="px-4 py-3 font-medium">Key</th>
                  <th scope="col" className="px-4 py-3 font-medium">Latency</th>
                  <th scope="col" className="px-4 py-3 font-medium">Error code</th>
                  <th scope="col" className="px-4 py-3 font-medium">Request-Id</th>
                  <th scope="col" className="px-4 py-3 font-medium">Client IP</th>
                  <th scope="col" className="py-3 pl-4 pr-6 font-medium">User agent</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-200">
                {page.entries.map((entry) => {
                  const key = keysById.get(entry.apiKeyId);
                  return (
                    <tr key={entry.id} className="hover:bg-gray-50">
                      <th scope="row" className="whitespace-nowrap py-3 pl-6 pr-4 font-medium text-gray-900">
                        <Time value={entry.createdAt} format={DATE_TIME_SECONDS} />
                      </th>
                      <td className="px-4 py-3"><Badge tone={toneOf(entry.status)}>{entry.status}</Badge></td>
                      <td className="px-4 py-3 font-mono text-gray-700">{entry.method}</td>
                      <td className="whitespace-nowrap px-4 py-3 font-mono text-gray-700">{entry.route ?? "—"}</td>
                      <td className="whitespace-nowrap px-4 py-3 text-gray-700">
                        {key ? `${key.name}${key.revoked ? " (revoked)" : ""}` : "Deleted key"}
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 text-gray-700">{entry.latencyMs} ms</td>
                      <td className="px-4 py-3 font-mono text-gray-700">{entry.errorCode ?? "—"}</td>
                      <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-gray-700">{entry.id}</td>
                      <td className="whitespace-nowrap px-4 py-3 font-mono text-gray-700">{entry.ip ?? "unknown"}</td>
                      <td className="max-w-48 truncate py-3 pl-4 pr-6 text-gray-700" title={entry.userAgent ?? undefined}>{entry.userAgent ?? "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>
          {(filters.before || page.nextBefore) && (
            <nav aria-label="Pagination" className="flex justify-between gap-3 border-t border-gray-200 px-6 py-4">
              {filters.before ? (
                <Link href={pageHref(filters, null)} className={PAGE_LINK}>Newest</Link>
              ) : (
                <span />
              )}
              {page.nextBefore && (
                <Link href={pageHref(filters, page.nextBefore)} className={PAGE_LINK}>Older</Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
