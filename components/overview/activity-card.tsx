import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";

const CARD = "rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200";

// The shell shared by the overview's recent-activity cards: a heading with a link to the full
// page, then either the rows or a line saying there is nothing yet.
export function ActivityCard<T>({
  headingId,
  title,
  viewAll,
  empty,
  items,
  renderItem,
}: {
  headingId: string;
  title: string;
  viewAll: { href: string; label: string };
  empty: string;
  items: T[];
  renderItem: (item: T) => ReactNode;
}) {
  return (
    <section aria-labelledby={headingId} className={CARD}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        <Link href={viewAll.href} className="text-sm font-semibold text-indigo-700 hover:underline">
          {viewAll.label}
        </Link>
      </div>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-gray-600">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-gray-100">{items.map(renderItem)}</ul>
      )}
    </section>
  );
}
