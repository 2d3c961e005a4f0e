import { Link } from "@/components/ui/link";
import { GUIDES, guidePath } from "@/lib/docs/guides";

// Shown above Webhook Integration and API Keys: where to go once a key or endpoint exists.
export function IntegrationGuidesCard() {
  return (
    <section aria-labelledby="integration-guides-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h2 id="integration-guides-heading" className="text-base font-semibold">
        Set-up guides
      </h2>
      <p className="mt-1 max-w-prose text-sm text-gray-600">
        Step-by-step guides for connecting a tool with an API key and receiving webhooks in it. Every endpoint is in the{" "}
        <Link href="/docs/api" className="font-medium text-indigo-700 hover:underline">
          API reference
        </Link>
        .
      </p>
      <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
        {GUIDES.map((guide) => (
          <li key={guide.slug}>
            <Link href={guidePath(guide.slug)} className="text-indigo-700 hover:underline">
              {guide.tool} guide
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
