import type { UsageSeries } from "@/lib/key-insight/usage-series";
import { USAGE_RANGES } from "@/lib/key-insight/usage-ranges";

// Server-rendered SVG: the browser gets markup, no chart library and no client JavaScript.
const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 40 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

// Colours as palette classes, not hex codes, so the chart follows the theme (app/globals.css).
const CLASSES = [
  { key: "count2xx", label: "2xx", name: "succeeded", fill: "fill-green-600", swatch: "bg-green-600" },
  { key: "count4xx", label: "4xx", name: "client errors", fill: "fill-amber-600", swatch: "bg-amber-600" },
  { key: "count5xx", label: "5xx", name: "server errors", fill: "fill-red-600", swatch: "bg-red-600" },
] as const;

const HOUR_LABEL = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function formatErrorRate(rate: number | null): string {
  if (rate === null) return "no requests";
  const percent = rate * 100;
  return `${percent < 10 && percent !== 0 ? percent.toFixed(1) : Math.round(percent)}%`;
}

// A round top for the y axis, so gridline labels read as plain numbers.
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value)!;
  return step * magnitude;
}

export function UsageChart({ series }: { series: UsageSeries }) {
  const { unit, label } = USAGE_RANGES[series.range];
  const format = unit === "hour" ? HOUR_LABEL : DAY_LABEL;
  const { totals, buckets } = series;
  const max = niceMax(Math.max(...buckets.map((b) => b.count2xx + b.count4xx + b.count5xx)));
  const slot = PLOT_W / buckets.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + PLOT_H - (value / max) * PLOT_H;
  // About six labels along the x axis whatever the range.
  const labelEvery = Math.ceil(buckets.length / 6);
  const summary =
    `Requests by status class over the last ${label}, ${unit === "hour" ? "per hour" : "per day"} (UTC): ` +
    `${totals.requests} in all, ${totals.count2xx} succeeded (2xx), ${totals.count4xx} client errors (4xx), ` +
    `${totals.count5xx} server errors (5xx); error rate ${formatErrorRate(totals.errorRate)}.`;

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="h-auto w-full" data-testid="usage-chart">
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-gray-200" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" className="fill-gray-500">
              {tick}
            </text>
          </g>
        ))}
        {buckets.map((bucket, index) => {
          const x = PAD.left + index * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={bucket.start.toISOString()}>
              <title>{`${format.format(bucket.start)}: ${bucket.count2xx} 2xx, ${bucket.count4xx} 4xx, ${bucket.count5xx} 5xx`}</title>
              {CLASSES.map((cls) => {
                const value = bucket[cls.key];
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return <rect key={cls.key} x={x} y={top} width={barWidth} height={height} className={cls.fill} />;
              })}
              {index % labelEvery === 0 && (
                <text x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" fontSize="11" className="fill-gray-500">
                  {format.format(bucket.start)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-gray-600">
        {CLASSES.map((cls) => (
          <span key={cls.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${cls.swatch}`} />
            {cls.label} {cls.name}
          </span>
        ))}
        <span>Times in UTC</span>
      </figcaption>
      {/* The numbers behind the bars, for screen readers (the image itself has only a summary). */}
      <table className="sr-only">
        <caption>Requests per {unit} over the last {label}</caption>
        <thead>
          <tr>
            <th scope="col">{unit === "hour" ? "Hour" : "Day"} (UTC)</th>
            {CLASSES.map((cls) => (
              <th key={cls.key} scope="col">{cls.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket) => (
            <tr key={bucket.start.toISOString()}>
              <th scope="row">{format.format(bucket.start)}</th>
              {CLASSES.map((cls) => (
                <td key={cls.key}>{bucket[cls.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
