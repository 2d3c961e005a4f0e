"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { isCurrentPath } from "./is-current-path";

// `section` is the part of the app a link stands for, when it is wider than the link's page.
const LINKS = [
  { href: "/calls", label: "Calls" },
  { href: "/contacts", label: "Contacts" },
  { href: "/routing", label: "Routing" },
  { href: "/logs", label: "Logs" },
  { href: "/settings/profile", label: "Profile Settings", section: "/settings" },
];

const DOCS = [
  { href: "/docs/api", label: "API reference" },
  { href: "/docs/guides", label: "Guides" },
];

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm font-medium">
      <Link
        href="/"
        aria-current={pathname === "/" ? "page" : undefined}
        className="text-base font-bold tracking-tight text-indigo-700"
      >
        Switchboard
      </Link>
      {LINKS.map((link) => {
        const current = isCurrentPath(pathname, link.section ?? link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`-my-1 border-b-2 py-1 ${
              current ? "border-indigo-600 text-indigo-700" : "border-transparent text-gray-700 hover:text-gray-900"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
      {DOCS.map((link) => (
        <Link key={link.href} href={link.href} className="text-gray-700 hover:text-gray-900">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
