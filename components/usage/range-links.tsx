import { Link } from "@/components/ui/link";
import { USAGE_RANGES, type UsageRange } from "@/lib/key-insight/usage-ranges";

// Plain links that set ?range=, so switching needs no client JavaScript and each view has a URL.
export function RangeLinks({ basePath, current }: { basePath: string; current: UsageRange }) {
  return (
    <nav aria-label="Chart period" className="inline-flex rounded-md ring-1 ring-gray-300">
      {(Object.keys(USAGE_RANGES) as UsageRange[]).map((range, index) => (
        <Link
          key={range}
          href={`${basePath}?range=${range}`}
          aria-current={range === current ? "page" : undefined}
          className={`px-3 py-1.5 text-sm font-medium ${index > 0 ? "border-l border-gray-300" : ""} ${
            range === current ? "bg-indigo-50 text-indigo-700" : "text-gray-700 hover:bg-gray-50"
          }`}
        >
          {USAGE_RANGES[range].label}
        </Link>
      ))}
    </nav>
  );
}
