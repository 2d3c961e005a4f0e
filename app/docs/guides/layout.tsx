import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";

export default function GuidesLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <nav aria-label="Documentation" className="mb-8 flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
        <Link href="/docs/guides" className="text-indigo-700 hover:underline">
          Integration guides
        </Link>
        <Link href="/docs/api" className="text-indigo-700 hover:underline">
          API reference
        </Link>
        <Link href="/settings/integrations" className="text-indigo-700 hover:underline">
          Integration Settings
        </Link>
      </nav>
      {/* On a phone, long URLs and header values break anywhere rather than widen the page. */}
      <main className="space-y-8 text-sm leading-6 text-gray-700 wrap-anywhere">{children}</main>
    </div>
  );
}
