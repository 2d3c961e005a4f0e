import { Link } from "@/components/ui/link";
import { attentionLabel } from "@/lib/key-insight/key-attention";
import type { KeyNeedingAttention } from "@/lib/key-insight/key-queries";

// Shown on the overview while any working key expires within a week or has gone unused for
// 90 days; each key links to its page.
export function KeysAttentionBanner({ keys }: { keys: KeyNeedingAttention[] }) {
  if (keys.length === 0) return null;
  return (
    <section aria-labelledby="keys-attention-heading" className="rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
      <h2 id="keys-attention-heading" className="text-sm font-semibold text-amber-900">
        {keys.length === 1 ? "1 API key needs attention" : `${keys.length} API keys need attention`}
      </h2>
      <ul className="mt-2 space-y-1 text-sm text-amber-900">
        {keys.map((key) => (
          <li key={key.id}>
            <Link href={`/settings/integrations/keys/${key.id}`} className="font-medium underline">
              {key.name}
            </Link>{" "}
            <span className="font-mono text-xs">{key.display}</span>: {key.attention.map(attentionLabel).join(", ")}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-amber-800">Roll a key before it expires, and delete keys no integration uses.</p>
    </section>
  );
}
