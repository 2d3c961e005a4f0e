import { StackedBarChart, type ChartSeries } from "@/components/charts/stacked-bar-chart";
import type { CallOutcome, CallsPerDay } from "@/lib/overview/schemas";
import { ChartCard } from "./chart-card";

const OUTCOMES: readonly ChartSeries<CallOutcome>[] = [
  { key: "completed", label: "Completed", fill: "fill-green-600", swatch: "bg-green-600" },
  { key: "no_answer", label: "No answer", fill: "fill-amber-600", swatch: "bg-amber-600" },
  { key: "failed", label: "Failed", fill: "fill-red-600", swatch: "bg-red-600" },
  { key: "canceled", label: "Canceled", fill: "fill-gray-500", swatch: "bg-gray-500" },
  { key: "active", label: "In progress", fill: "fill-indigo-600", swatch: "bg-indigo-600" },
];

export function CallsPerDayChart({ series }: { series: CallsPerDay }) {
  const { totals } = series;
  const all = OUTCOMES.reduce((sum, outcome) => sum + totals[outcome.key], 0);
  const summary =
    `Calls per day over the last 30 days (UTC), by outcome: ${all} in all, ` +
    `${OUTCOMES.map((outcome) => `${totals[outcome.key]} ${outcome.label.toLowerCase()}`).join(", ")}.`;
  return (
    <ChartCard
      id="calls-per-day-heading"
      title="Calls, last 30 days"
      stats={[
        { label: "Calls", value: String(all) },
        { label: "Completed", value: String(totals.completed) },
      ]}
    >
      <StackedBarChart buckets={series.buckets} series={OUTCOMES} unit="day" summary={summary} caption="Calls per day by outcome, last 30 days" testId="calls-chart" />
    </ChartCard>
  );
}
