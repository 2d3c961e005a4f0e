import type { ReactNode } from "react";

// A titled card with headline numbers above a chart.
export function ChartCard({ id, title, stats, children }: { id: string; title: string; stats: { label: string; value: string }[]; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {stats.map((stat) => (
          <div key={stat.label} className="flex gap-1.5">
            <dt className="text-gray-600">{stat.label}</dt>
            <dd className="font-semibold text-gray-900">{stat.value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">{children}</div>
    </section>
  );
}
