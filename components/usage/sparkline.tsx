const WIDTH = 80;
const HEIGHT = 20;

// A tiny server-rendered line of daily request counts (oldest first): costs the browser a few
// hundred bytes of markup and no JavaScript.
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0;
  const points = values.map((value, index) => `${(index * step).toFixed(1)},${(HEIGHT - 1 - (value / max) * (HEIGHT - 2)).toFixed(1)}`).join(" ");
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={label} className="overflow-visible">
      <polyline points={points} fill="none" className="stroke-indigo-600" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
