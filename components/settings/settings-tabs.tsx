"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { isCurrentPath } from "@/components/navigation/is-current-path";

const TABS = [
  { href: "/settings/profile", label: "Profile" },
  { href: "/settings/integrations", label: "Integration Settings" },
  { href: "/settings/audit-log", label: "Audit log" },
];

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className="flex gap-4 border-b border-gray-200">
      {TABS.map((tab) => {
        const current = isCurrentPath(pathname, tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px border-b-2 px-1 pb-3 text-sm font-medium ${
              current ? "border-indigo-600 text-indigo-700" : "border-transparent text-gray-600 hover:text-gray-900"
            }`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
