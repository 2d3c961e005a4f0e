import ArrowLeft from "lucide-react/icons/arrow-left";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { DATE_TIME, Time } from "@/components/ui/time";
import { RangeLinks } from "@/components/usage/range-links";
import { formatErrorRate, UsageChart } from "@/components/usage/usage-chart";
import { permissionParts } from "@/lib/api-keys/permissions";
import type { KeyAttention } from "@/lib/key-insight/key-attention";
import type { ApiKeyDetails } from "@/lib/key-insight/key-queries";
import { AttentionBadge } from "./attention-badge";
import type { UsageSeries } from "@/lib/key-insight/usage-series";
import { USAGE_RANGES } from "@/lib/key-insight/usage-ranges";

// Each term and its value in a <div> that is a direct child of the <dl> (axe: dlitem).
function Fact({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{label}</dt>
      <dd className="mt-1 text-sm text-gray-900">{children}</dd>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-gray-50 px-4 py-3">
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="mt-1 text-lg font-semibold text-gray-900">{value}</dd>
    </div>
  );
}

// One key's page: what it is, where it was last used from, and its requests over time.
export function ApiKeyInsight({ apiKey, attention, series }: { apiKey: ApiKeyDetails; attention: KeyAttention[]; series: UsageSeries }) {
  const basePath = `/settings/integrations/keys/${apiKey.id}`;
  const { totals } = series;
  return (
    <div className="space-y-6">
      <Link href="/settings/integrations" className="inline-flex items-center gap-1 text-sm font-medium text-indigo-700 hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        API keys
      </Link>
      <section aria-labelledby="key-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id="key-heading" className="text-lg font-semibold">
            {apiKey.name}
          </h2>
          {attention.map((item) => (
            <AttentionBadge key={item.kind} attention={item} />
          ))}
        </div>
        <dl className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Fact label="Key">
            <span className="font-mono">{apiKey.display}</span>
          </Fact>
          <Fact label="Permissions">{permissionParts(apiKey).join(" · ")}</Fact>
          <Fact label="Created">
            <Time value={apiKey.createdAt} />
          </Fact>
          <Fact label="Expires">{apiKey.expiresAt ? <Time value={apiKey.expiresAt} format={DATE_TIME} /> : "Never"}</Fact>
          <Fact label="Last used">{apiKey.lastUsedAt ? <Time value={apiKey.lastUsedAt} format={DATE_TIME} /> : "Never"}</Fact>
          <Fact label="Last used from">
            <span className="font-mono">{apiKey.lastUsedIp ?? "—"}</span>
          </Fact>
          <Fact label="Last user agent" className="sm:col-span-2 lg:col-span-3">
            <span className="break-all font-mono text-xs">{apiKey.lastUsedUserAgent ?? "—"}</span>
          </Fact>
        </dl>
      </section>
      <section aria-labelledby="usage-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h3 id="usage-heading" className="text-base font-semibold">
            Requests in the last {USAGE_RANGES[series.range].label}
          </h3>
          <RangeLinks basePath={basePath} current={series.range} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Stat label="Requests" value={String(totals.requests)} />
          <Stat label="Error rate" value={formatErrorRate(totals.errorRate)} />
          <Stat label="4xx" value={String(totals.count4xx)} />
          <Stat label="5xx" value={String(totals.count5xx)} />
          <Stat label="Average latency" value={totals.averageLatencyMs === null ? "—" : `${Math.round(totals.averageLatencyMs)} ms`} />
        </dl>
        <div className="mt-6">
          <UsageChart series={series} />
        </div>
      </section>
    </div>
  );
}
