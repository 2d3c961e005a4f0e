import type { Metadata } from "next";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { buttonClasses } from "@/components/ui/button";
import { filtersToSearch, parseAuditFilters } from "@/lib/audit/audit-filters";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { AUDIT_EVENT_RETENTION_DAYS } from "@/lib/retention/retention-rules";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

const PATH = "/settings/audit-log";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseAuditFilters(params);
  const startingAfter = typeof params.starting_after === "string" ? params.starting_after.slice(0, 64) : undefined;
  const page = await listAuditEvents(user.id, filters, startingAfter);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold">Audit log</h2>
          <p className="mt-1 max-w-prose text-sm text-gray-600">
            Every security-relevant change to your keys, webhook endpoints and account, newest first, with who made it and from
            where. Kept {AUDIT_EVENT_RETENTION_DAYS / 365} year. Times are UTC.
          </p>
        </div>
        <a href={`${PATH}/export${filtersToSearch(filters)}`} className={buttonClasses("secondary")} download>
          Download CSV
        </a>
      </div>
      <AuditFiltersForm filters={filters} path={PATH} />
      <AuditLogTable
        events={page.events}
        paged={Boolean(startingAfter)}
        newestHref={`${PATH}${filtersToSearch(filters)}`}
        nextHref={page.nextStartingAfter ? `${PATH}${filtersToSearch(filters, { starting_after: page.nextStartingAfter })}` : null}
      />
    </div>
  );
}
