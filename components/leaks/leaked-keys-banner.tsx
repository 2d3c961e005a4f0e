import ExternalLink from "lucide-react/icons/external-link";
import { ActionForm } from "@/components/ui/action-form";
import { Time } from "@/components/ui/time";
import type { ActionState } from "@/lib/actions/validated-action";
import { linkableSource, type LeakedKey } from "@/lib/leaks/leak-notices";

// Where a leaked key was found. The source comes from whoever reported the key, so it is only a
// link when it is an https URL, and otherwise plain text (React escapes it either way).
function LeakSource({ source }: { source: string }) {
  if (source === "credentials/revoke") return <>submitted to the public revocation endpoint</>;
  const link = linkableSource(source);
  if (!link) return <span className="break-all font-mono">{source}</span>;
  return (
    <a href={link} rel="noopener noreferrer nofollow" target="_blank" className="break-all font-medium underline">
      {source}
      <ExternalLink aria-hidden="true" className="ml-0.5 inline size-3.5 align-[-0.125em]" />
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

// Names each key that was revoked because it was found in public, and where, until its owner
// dismisses the notice (or for 30 days).
export function LeakedKeysBanner({
  notices,
  dismissAction,
}: {
  notices: LeakedKey[];
  dismissAction: (formData: FormData) => Promise<ActionState<boolean>>;
}) {
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="leaked-keys-heading" className="rounded-lg bg-red-50 p-4 ring-1 ring-red-200">
      <h2 id="leaked-keys-heading" className="text-sm font-semibold text-red-900">
        {notices.length === 1 ? "An API key was leaked and has been revoked" : `${notices.length} API keys were leaked and have been revoked`}
      </h2>
      <ul className="mt-2 space-y-3 text-sm text-red-900">
        {notices.map((notice) => (
          <li key={notice.id} className="flex flex-wrap items-start justify-between gap-3">
            <p className="max-w-prose">
              <span className="font-medium">{notice.name}</span> (<span className="font-mono">{notice.display}</span>) was found{" "}
              <LeakSource source={notice.source} /> and revoked <Time value={notice.leakedAt} />. Anything still using it
              now fails: generate a new key in Integration Settings, and remove the old one from where it was exposed.
            </p>
            <ActionForm action={dismissAction} fields={{ keyId: notice.id }} label="Dismiss" pendingLabel="Dismissing…" accessibleName={`Dismiss the notice about ${notice.name}`} />
          </li>
        ))}
      </ul>
    </section>
  );
}
