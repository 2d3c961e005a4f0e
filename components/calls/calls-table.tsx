import { Link } from "@/components/ui/link";
import { DATE_TIME_SECONDS, Time } from "@/components/ui/time";
import { callsPageHref, hasFilters, type CallFilters } from "@/lib/calls/calls-page-query";
import type { CallsPage } from "@/lib/calls/dashboard";
import { ApiKeyLabel } from "./api-key-label";
import { CallStatusBadge, directionLabel } from "./call-status-badge";
import { ContactLink } from "./contact-link";
import { ScrollTable } from "@/components/ui/scroll-table";

const PAGE_LINK = "rounded-md px-3 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-inset ring-gray-300 hover:bg-gray-50";

function EmptyState({ paged, filters }: { paged: boolean; filters: CallFilters }) {
  if (paged) {
    return (
      <p>
        No calls on this page.{" "}
        <Link href={callsPageHref(filters)} className="font-semibold text-indigo-700 hover:underline">
          Show the newest calls
        </Link>
      </p>
    );
  }
  if (hasFilters(filters)) {
    return (
      <>
        <p className="font-medium text-gray-900">No calls match these filters.</p>
        <p className="mt-1">
          Try another status, direction or date range, or{" "}
          <Link href="/calls" className="font-semibold text-indigo-700 hover:underline">
            show all calls
          </Link>
          .
        </p>
      </>
    );
  }
  return <p>No calls yet. Launch one with POST /api/v1/calls and it shows up here.</p>;
}

export function CallsTable({ page, paged, filters }: { page: CallsPage; paged: boolean; filters: CallFilters }) {
  return (
    <section aria-label="Calls" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      {page.calls.length === 0 ? (
        <div className="px-6 py-10 text-center text-sm text-gray-600">
          <EmptyState paged={paged} filters={filters} />
        </div>
      ) : (
        <>
          <ScrollTable label="Calls table">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
                <tr>
                  <th scope="col" className="py-3 pl-6 pr-4 font-medium">Created</th>
                  <th scope="col" className="px-4 py-3 font-medium">Status</th>
                  <th scope="col" className="px-4 py-3 font-medium">Direction</th>
                  <th scope="col" className="px-4 py-3 font-medium">To</th>
                  <th scope="col" className="px-4 py-3 font-medium">From</th>
                  <th scope="col" className="px-4 py-3 font-medium">Agent</th>
                  <th scope="col" className="px-4 py-3 font-medium">Contact</th>
                  <th scope="col" className="py-3 pl-4 pr-6 font-medium">API key</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-200">
                {page.calls.map((call) => (
                  <tr key={call.id} className="hover:bg-gray-50">
                    <th scope="row" className="whitespace-nowrap py-3 pl-6 pr-4 font-medium">
                      <Link href={`/calls/${call.id}`} className="text-indigo-700 hover:underline">
                        <Time value={call.createdAt} format={DATE_TIME_SECONDS} />
                      </Link>
                    </th>
                    <td className="px-4 py-3"><CallStatusBadge status={call.status} /></td>
                    <td className="px-4 py-3 text-gray-700">{directionLabel(call.direction)}</td>
                    <td className="whitespace-nowrap px-4 py-3 font-mono text-gray-700">{call.to}</td>
                    <td className="whitespace-nowrap px-4 py-3 font-mono text-gray-700">{call.from}</td>
                    <td className="px-4 py-3 text-gray-700">{call.agent ?? "—"}</td>
                    <td className="px-4 py-3"><ContactLink contactId={call.contactId} contact={call.contact} /></td>
                    <td className="py-3 pl-4 pr-6 text-gray-700"><ApiKeyLabel apiKey={call.apiKey} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {(page.previousEndingBefore || page.nextStartingAfter) && (
            <nav aria-label="Pagination" className="flex justify-between gap-3 border-t border-gray-200 px-6 py-4">
              {page.previousEndingBefore ? (
                <Link href={callsPageHref(filters, { ending_before: page.previousEndingBefore })} className={PAGE_LINK}>
                  Previous page
                </Link>
              ) : (
                <span />
              )}
              {page.nextStartingAfter && (
                <Link href={callsPageHref(filters, { starting_after: page.nextStartingAfter })} className={PAGE_LINK}>
                  Next page
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}
