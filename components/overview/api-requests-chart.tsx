import { formatErrorRate, UsageChart } from "@/components/usage/usage-chart";
import type { UsageSeries } from "@/lib/key-insight/usage-series";
import { ChartCard } from "./chart-card";

// Every key's requests together, drawn as a key's own chart is.
export function ApiRequestsChart({ series }: { series: UsageSeries }) {
  return (
    <ChartCard
      id="api-requests-heading"
      title="API requests, last 30 days"
      stats={[
        { label: "Requests", value: String(series.totals.requests) },
        { label: "Error rate", value: formatErrorRate(series.totals.errorRate) },
      ]}
    >
      <UsageChart series={series} testId="requests-chart" />
    </ChartCard>
  );
}
