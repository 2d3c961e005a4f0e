import { StackedBarChart, type ChartSeries } from "@/components/charts/stacked-bar-chart";
import type { DeliveriesPerDay, DeliveryOutcome } from "@/lib/overview/schemas";
import { ChartCard } from "./chart-card";

const STATES: readonly ChartSeries<DeliveryOutcome>[] = [
  { key: "succeeded", label: "Succeeded", fill: "fill-green-600", swatch: "bg-green-600" },
  { key: "failed", label: "Failed", fill: "fill-red-600", swatch: "bg-red-600" },
  { key: "pending", label: "Retrying", fill: "fill-amber-600", swatch: "bg-amber-600" },
];

// Success rate over the deliveries that are settled; those still being retried are left out.
function successRate({ succeeded, failed }: DeliveriesPerDay["totals"]): string {
  const settled = succeeded + failed;
  return settled === 0 ? "no deliveries" : `${Math.round((succeeded / settled) * 100)}%`;
}

export function DeliveriesPerDayChart({ series }: { series: DeliveriesPerDay }) {
  const { totals } = series;
  const all = totals.succeeded + totals.failed + totals.pending;
  const summary =
    `Webhook deliveries per day over the last 30 days (UTC): ${all} in all, ${totals.succeeded} succeeded, ` +
    `${totals.failed} failed, ${totals.pending} still being retried; success rate ${successRate(totals)}.`;
  return (
    <ChartCard
      id="deliveries-per-day-heading"
      title="Webhook deliveries, last 30 days"
      stats={[
        { label: "Deliveries", value: String(all) },
        { label: "Success rate", value: successRate(totals) },
      ]}
    >
      <StackedBarChart buckets={series.buckets} series={STATES} unit="day" summary={summary} caption="Webhook deliveries per day by result, last 30 days" testId="deliveries-chart" />
    </ChartCard>
  );
}
