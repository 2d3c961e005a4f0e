import type { Metadata } from "next";
import { RequestLogFilterForm } from "@/components/logs/request-log-filter-form";
import { RequestLogTable } from "@/components/logs/request-log-table";
import { requireUser } from "@/lib/auth/session";
import { listRequestLog, parseRequestLogFilters, requestLogKeys, requestLogRoutes } from "@/lib/usage/request-log-query";

export const metadata: Metadata = { title: "Logs" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function LogsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const filters = parseRequestLogFilters(await searchParams);
  const [page, keys] = await Promise.all([listRequestLog(user.id, filters), requestLogKeys(user.id)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Logs</h1>
        <p className="mt-1 max-w-prose text-sm text-gray-600">
          Every API request made with your keys (revoked and expired ones included) over the last 14 days, newest first.
          Requests show up within a few seconds. Search by the Request-Id an answer carried to find that one request.
        </p>
      </div>
      <RequestLogFilterForm filters={filters} keys={keys} routes={requestLogRoutes()} />
      <RequestLogTable page={page} filters={filters} keys={keys} />
    </div>
  );
}
