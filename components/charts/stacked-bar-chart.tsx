// Server-rendered SVG: the browser gets markup, no chart library and no client JavaScript.
// One chart for every count-over-time picture (a key's requests, the overview's calls, requests
// and webhook deliveries): the caller passes the buckets and which series to stack in them.
const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 40 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

const HOUR_LABEL = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

// One stacked part of every bar: `key` picks its count out of a bucket; `label` heads its column
// in the hidden table and `name` follows it in the legend ("2xx succeeded").
// `fill` and `swatch` are palette classes (fill-…, bg-…), not colours, so charts follow the theme.
export type ChartSeries<K extends string> = { key: K; label: string; name?: string; fill: string; swatch: string };

export type ChartBucket<K extends string> = { start: Date } & Record<K, number>;

// A round top for the y axis, so gridline labels read as plain numbers.
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value)!;
  return step * magnitude;
}

export function StackedBarChart<K extends string>({
  buckets,
  series,
  unit,
  summary,
  caption,
  testId,
}: {
  buckets: readonly ChartBucket<K>[];
  series: readonly ChartSeries<K>[];
  unit: "hour" | "day";
  // The image's accessible name: what the chart shows and its totals, in one sentence.
  summary: string;
  // The hidden table's caption.
  caption: string;
  testId?: string;
}) {
  const format = unit === "hour" ? HOUR_LABEL : DAY_LABEL;
  const total = (bucket: ChartBucket<K>) => series.reduce((sum, part) => sum + bucket[part.key], 0);
  const max = niceMax(Math.max(0, ...buckets.map(total)));
  const slot = PLOT_W / Math.max(1, buckets.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + PLOT_H - (value / max) * PLOT_H;
  // About six labels along the x axis whatever the number of bars.
  const labelEvery = Math.ceil(buckets.length / 6);

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="h-auto w-full" data-testid={testId}>
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
              <title>{`${format.format(bucket.start)}: ${series.map((part) => `${bucket[part.key]} ${part.label}`).join(", ")}`}</title>
              {series.map((part) => {
                const value = bucket[part.key];
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return <rect key={part.key} x={x} y={top} width={barWidth} height={height} className={part.fill} />;
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
        {series.map((part) => (
          <span key={part.key} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${part.swatch}`} />
            {part.name ? `${part.label} ${part.name}` : part.label}
          </span>
        ))}
        <span>{unit === "hour" ? "Hours" : "Days"} in UTC</span>
      </figcaption>
      {/* The numbers behind the bars, for screen readers (the image itself has only a summary). The
          wrapper is what is hidden: a table ignores sr-only's 1px width and widened phone pages. */}
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{unit === "hour" ? "Hour" : "Day"} (UTC)</th>
              {series.map((part) => (
                <th key={part.key} scope="col">
                  {part.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.start.toISOString()}>
                <th scope="row">{format.format(bucket.start)}</th>
                {series.map((part) => (
                  <td key={part.key}>{bucket[part.key]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
