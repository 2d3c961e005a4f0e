import type { Metadata } from "next";
import { CallsTable } from "@/components/calls/calls-table";
import { RefreshWhileActive } from "@/components/calls/refresh-while-active";
import { requireUser } from "@/lib/auth/session";
import { isEnded, listDashboardCalls } from "@/lib/calls/dashboard";

export const metadata: Metadata = { title: "Calls" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export default async function CallsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const cursor = { startingAfter: single(params.starting_after), endingBefore: single(params.ending_before) };
  const page = await listDashboardCalls(user.id, cursor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Calls</h1>
        <p className="mt-1 max-w-prose text-sm text-gray-600">
          Calls launched with your API keys and calls your Switchboard number received, newest first.
        </p>
      </div>
      <CallsTable page={page} paged={Boolean(cursor.startingAfter || cursor.endingBefore)} />
      <RefreshWhileActive active={page.calls.some((call) => !isEnded(call.status))} />
    </div>
  );
}
