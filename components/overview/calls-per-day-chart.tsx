import { StackedBarChart, type ChartSeries } from "@/components/charts/stacked-bar-chart";
import type { CallOutcome, CallsPerDay } from "@/lib/overview/schemas";
import { ChartCard } from "./chart-card";

const OUTCOMES: readonly ChartSeries<CallOutcome>[] = [
  { key: "completed", label: "Completed", fill: "#16a34a" },
  { key: "no_answer", label: "No answer", fill: "#d97706" },
  { key: "failed", label: "Failed", fill: "#dc2626" },
  { key: "canceled", label: "Canceled", fill: "#6b7280" },
  { key: "active", label: "In progress", fill: "#4f46e5" },
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
