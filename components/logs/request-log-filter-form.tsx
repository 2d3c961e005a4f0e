import { FilterActions } from "@/components/ui/filter-fields";
import { LOGGED_METHODS, STATUS_CLASSES, type LoggedKey, type RequestLogFilters } from "@/lib/usage/request-log-query";

const LABEL = "block text-xs font-medium uppercase tracking-wide text-gray-500";
const CONTROL = "mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm text-gray-900 ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600";
const BUTTON = "rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500";

const keyLabel = (key: LoggedKey) => `${key.name} (${key.display})${key.revoked ? ", revoked" : ""}`;

// Plain GET forms: the filters live in the URL (shareable, back button works) and the page needs
// no client JavaScript for them.
export function RequestLogFilterForm({ filters, keys, routes }: { filters: RequestLogFilters; keys: LoggedKey[]; routes: string[] }) {
  return (
    <div className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <form method="get" action="/logs" role="search" aria-label="Find a request by Request-Id" className="flex flex-wrap items-end gap-3">
        <label className="min-w-64 flex-1">
          <span className={LABEL}>Request-Id</span>
          <input name="request_id" defaultValue={filters.request_id ?? ""} placeholder="req_…" className={`${CONTROL} font-mono`} />
        </label>
        <button type="submit" className={BUTTON}>Find request</button>
      </form>
      <form method="get" action="/logs" aria-label="Filter requests" className="grid grid-cols-2 items-end gap-3 sm:grid-cols-5">
        <label>
          <span className={LABEL}>Key</span>
          <select name="key" defaultValue={filters.key ?? ""} className={CONTROL}>
            <option value="">All keys</option>
            {keys.map((key) => (
              <option key={key.id} value={key.id}>{keyLabel(key)}</option>
            ))}
          </select>
        </label>
        <label>
          <span className={LABEL}>Status</span>
          <select name="status" defaultValue={filters.status ?? ""} className={CONTROL}>
            <option value="">Any status</option>
            {STATUS_CLASSES.map((status) => (
              <option key={status} value={status}>{status}</option>
            ))}
          </select>
        </label>
        <label>
          <span className={LABEL}>Method</span>
          <select name="method" defaultValue={filters.method ?? ""} className={CONTROL}>
            <option value="">Any method</option>
            {LOGGED_METHODS.map((method) => (
              <option key={method} value={method}>{method}</option>
            ))}
          </select>
        </label>
        <label>
          <span className={LABEL}>Route</span>
          <select name="route" defaultValue={filters.route ?? ""} className={CONTROL}>
            <option value="">Any route</option>
            {routes.map((route) => (
              <option key={route} value={route}>{route}</option>
            ))}
          </select>
        </label>
        <FilterActions clearHref="/logs" />
      </form>
    </div>
  );
}
