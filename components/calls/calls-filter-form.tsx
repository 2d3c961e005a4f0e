import { SelectField } from "@/components/ui/field";
import { DateRangeFields, FILTER_LOOK, FilterActions } from "@/components/ui/filter-fields";
import type { CallFilters } from "@/lib/calls/calls-page-query";
import { CallDirection, CallStatus } from "@/lib/calls/schemas";
import { STATUS_LABELS, directionLabel } from "./call-status-badge";

// A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared
// and works without JavaScript. Filtering starts again from the newest matching call.
export function CallsFilterForm({ filters }: { filters: CallFilters }) {
  return (
    <form method="get" action="/calls" aria-label="Filter calls" className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <SelectField look={FILTER_LOOK} label="Status" name="status" defaultValue={filters.status ?? ""}>
        <option value="">Any status</option>
        {Object.values(CallStatus).map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <SelectField look={FILTER_LOOK} label="Direction" name="direction" defaultValue={filters.direction ?? ""}>
        <option value="">Both directions</option>
        {Object.values(CallDirection).map((direction) => (
          <option key={direction} value={direction}>
            {directionLabel(direction)}
          </option>
        ))}
      </SelectField>
      <DateRangeFields from={filters.from} to={filters.to} />
      <FilterActions clearHref="/calls" />
    </form>
  );
}
