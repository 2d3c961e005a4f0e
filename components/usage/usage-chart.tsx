import { StackedBarChart, type ChartSeries } from "@/components/charts/stacked-bar-chart";
import type { UsageSeries } from "@/lib/key-insight/usage-series";
import { USAGE_RANGES } from "@/lib/key-insight/usage-ranges";

// Requests by status class: a key's own chart, and every key's together on the overview.
const CLASSES: readonly ChartSeries<"count2xx" | "count4xx" | "count5xx">[] = [
  { key: "count2xx", label: "2xx", name: "succeeded", fill: "fill-green-600", swatch: "bg-green-600" },
  { key: "count4xx", label: "4xx", name: "client errors", fill: "fill-amber-600", swatch: "bg-amber-600" },
  { key: "count5xx", label: "5xx", name: "server errors", fill: "fill-red-600", swatch: "bg-red-600" },
];

export function formatErrorRate(rate: number | null): string {
  if (rate === null) return "no requests";
  const percent = rate * 100;
  return `${percent < 10 && percent !== 0 ? percent.toFixed(1) : Math.round(percent)}%`;
}

export function UsageChart({ series, testId = "usage-chart" }: { series: UsageSeries; testId?: string }) {
  const { unit, label } = USAGE_RANGES[series.range];
  const { totals } = series;
  const summary =
    `Requests by status class over the last ${label}, ${unit === "hour" ? "per hour" : "per day"} (UTC): ` +
    `${totals.requests} in all, ${totals.count2xx} succeeded (2xx), ${totals.count4xx} client errors (4xx), ` +
    `${totals.count5xx} server errors (5xx); error rate ${formatErrorRate(totals.errorRate)}.`;
  return (
    <StackedBarChart
      buckets={series.buckets}
      series={CLASSES}
      unit={unit}
      summary={summary}
      caption={`Requests per ${unit} over the last ${label}`}
      testId={testId}
    />
  );
}
