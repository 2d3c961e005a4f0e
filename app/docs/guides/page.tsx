import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { GUIDES, guidePath } from "@/lib/docs/guides";

export const metadata: Metadata = { title: "Integration guides" };

export default function GuidesIndexPage() {
  return (
    <>
      <header className="space-y-2">
        <p className="text-sm font-bold text-indigo-700">Switchboard</p>
        <h1 className="text-3xl font-semibold text-gray-900">Integration guides</h1>
        <p>
          Step by step: connect a tool with an API key, launch calls from it, and send Switchboard&apos;s events back into it. Every endpoint is
          described in the <Link className="text-indigo-700 underline" href="/docs/api">API reference</Link>.
        </p>
      </header>
      <ul className="space-y-3">
        {GUIDES.map((guide) => (
          <li key={guide.slug} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200">
            <Link href={guidePath(guide.slug)} className="text-base font-semibold text-indigo-700 hover:underline">
              {guide.tool}
            </Link>
            <p className="mt-1 text-gray-600">{guide.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
