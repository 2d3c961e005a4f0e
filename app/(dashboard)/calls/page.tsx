import type { Metadata } from "next";
import { CallsFilterForm } from "@/components/calls/calls-filter-form";
import { CallsTable } from "@/components/calls/calls-table";
import { RefreshWhileActive } from "@/components/calls/refresh-while-active";
import { requireUser } from "@/lib/auth/session";
import { parseCallsPageQuery } from "@/lib/calls/calls-page-query";
import { isEnded, listDashboardCalls } from "@/lib/calls/dashboard";

export const metadata: Metadata = { title: "Calls" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const { query, problems } = parseCallsPageQuery(await searchParams);
  const filters = { status: query.status, direction: query.direction, from: query.from, to: query.to };
  const cursor = { startingAfter: query.starting_after, endingBefore: query.ending_before };
  const page = await listDashboardCalls(user.id, cursor, filters);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Calls</h1>
        <p className="mt-1 max-w-prose text-sm text-gray-600">
          Calls launched with your API keys and calls your Switchboard number received, newest first.
        </p>
      </div>
      <CallsFilterForm filters={filters} />
      {problems.length > 0 && (
        <div role="alert" className="rounded-md bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
          <p className="font-medium">Some of the link&apos;s parameters are not valid and were left out:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <CallsTable page={page} paged={Boolean(cursor.startingAfter || cursor.endingBefore)} filters={filters} />
      <RefreshWhileActive active={page.calls.some((call) => !isEnded(call.status))} />
    </div>
  );
}
