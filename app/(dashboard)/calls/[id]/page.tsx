import ArrowLeft from "lucide-react/icons/arrow-left";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { CallDetail } from "@/components/calls/call-detail";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { RefreshWhileActive } from "@/components/calls/refresh-while-active";
import { requireUser } from "@/lib/auth/session";
import { getDashboardCall, isEnded } from "@/lib/calls/dashboard";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const call = await getDashboardCall(user.id, (await params).id);
  if (!call) notFound();
  const party = call.direction === "inbound" ? `from ${call.from}` : `to ${call.to}`;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/calls" className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline">
          <ArrowLeft aria-hidden="true" className="size-4" />
          All calls
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">Call {party}</h1>
          <CallStatusBadge status={call.status} />
        </div>
        <p className="mt-1 font-mono text-xs text-gray-500">{call.id}</p>
      </div>
      <CallDetail call={call} />
      <RefreshWhileActive active={!isEnded(call.status)} />
    </div>
  );
}
