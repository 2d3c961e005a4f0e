import type { Metadata } from "next";
import { KeysAttentionBanner } from "@/components/api-keys/keys-attention-banner";
import { LeakedKeysBanner } from "@/components/leaks/leaked-keys-banner";
import { ApiRequestsChart } from "@/components/overview/api-requests-chart";
import { CallsPerDayChart } from "@/components/overview/calls-per-day-chart";
import { DeliveriesPerDayChart } from "@/components/overview/deliveries-per-day-chart";
import { GettingStartedChecklist } from "@/components/overview/getting-started-checklist";
import { RecentActivityPanel } from "@/components/overview/recent-activity";
import { requireUser } from "@/lib/auth/session";
import { keysNeedingAttention } from "@/lib/key-insight/key-queries";
import { listLeakNotices } from "@/lib/leaks/leak-notices";
import { apiRequestsPerDay, callsPerDay, webhookDeliveriesPerDay } from "@/lib/overview/daily-activity";
import { gettingStarted } from "@/lib/overview/getting-started";
import { recentActivity } from "@/lib/overview/recent-activity";
import { dismissLeakNoticeAction } from "./leak-notice-actions";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requireUser();
  const now = new Date();
  const [keysToCheck, leakNotices, progress, calls, requests, deliveries, activity] = await Promise.all([
    keysNeedingAttention(user.id, now),
    listLeakNotices(user.id),
    gettingStarted(user.id),
    callsPerDay(user.id, now),
    apiRequestsPerDay(user.id, now),
    webhookDeliveriesPerDay(user.id, now),
    recentActivity(user.id),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Welcome, {user.name}</h1>
      <KeysAttentionBanner keys={keysToCheck} />
      <LeakedKeysBanner notices={leakNotices} dismissAction={dismissLeakNoticeAction} />
      <GettingStartedChecklist progress={progress} />
      <CallsPerDayChart series={calls} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ApiRequestsChart series={requests} />
        <DeliveriesPerDayChart series={deliveries} />
      </div>
      <RecentActivityPanel activity={activity} />
    </div>
  );
}
