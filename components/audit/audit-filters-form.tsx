import { SelectField } from "@/components/ui/field";
import { DateRangeFields, FILTER_LOOK, FilterActions } from "@/components/ui/filter-fields";
import { ACTION_GROUPS, ACTION_LABELS, AUDIT_ACTIONS, ACTOR_LABELS, AUDIT_ACTORS } from "@/lib/audit/action-labels";
import type { AuditFilters } from "@/lib/audit/audit-filters";

// A plain GET form: the filters live in the URL, so a filtered view can be bookmarked or shared
// and works without JavaScript.
export function AuditFiltersForm({ filters, path }: { filters: AuditFilters; path: string }) {
  return (
    <form method="get" action={path} aria-label="Filter the audit log" className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
      <SelectField look={FILTER_LOOK} label="Action" name="action" defaultValue={filters.action ?? ""}>
        <option value="">All actions</option>
        <optgroup label="Groups">
          {Object.entries(ACTION_GROUPS).map(([group, { label }]) => (
            <option key={group} value={`group:${group}`}>
              {label}
            </option>
          ))}
        </optgroup>
        <optgroup label="Actions">
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {ACTION_LABELS[action]}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <SelectField look={FILTER_LOOK} label="Actor" name="actor" defaultValue={filters.actor ?? ""}>
        <option value="">Anyone</option>
        {AUDIT_ACTORS.map((actor) => (
          <option key={actor} value={actor}>
            {ACTOR_LABELS[actor]}
          </option>
        ))}
      </SelectField>
      <DateRangeFields from={filters.from} to={filters.to} />
      <FilterActions clearHref={path} />
    </form>
  );
}
