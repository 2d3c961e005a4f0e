import { DateRangeFields, FilterActions } from "@/components/ui/filter-fields";
import type { CallFilters } from "@/lib/calls/calls-page-query";
import { CallDirection, CallStatus } from "@/lib/calls/schemas";
import { STATUS_LABELS, directionLabel } from "./call-status-badge";

const FIELD = "mt-1 block rounded-md border-0 py-1.5 pl-2 pr-8 text-sm text-gray-900 ring-1 ring-inset ring-gray-300 focus:ring-2 focus:ring-indigo-600";

// A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared
// and works without JavaScript. Filtering starts again from the newest matching call.
export function CallsFilterForm({ filters }: { filters: CallFilters }) {
  return (
    <form method="get" action="/calls" aria-label="Filter calls" className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <label className="text-sm font-medium text-gray-700">
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={FIELD}>
          <option value="">Any status</option>
          {Object.values(CallStatus).map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-gray-700">
        Direction
        <select name="direction" defaultValue={filters.direction ?? ""} className={FIELD}>
          <option value="">Both directions</option>
          {Object.values(CallDirection).map((direction) => (
            <option key={direction} value={direction}>
              {directionLabel(direction)}
            </option>
          ))}
        </select>
      </label>
      <DateRangeFields from={filters.from} to={filters.to} />
      <FilterActions clearHref="/calls" />
    </form>
  );
}
