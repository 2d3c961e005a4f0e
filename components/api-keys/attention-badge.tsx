import { Badge } from "@/components/ui/badge";
import { attentionLabel, type KeyAttention } from "@/lib/key-insight/key-attention";

const TONES = { expired: "red", expiring: "amber", stale: "gray" } as const;

// "expires in 3 days", "expired" or "unused for 90 days": in the key list and on the key's page.
export function AttentionBadge({ attention }: { attention: KeyAttention }) {
  return <Badge tone={TONES[attention.kind]}>{attentionLabel(attention)}</Badge>;
}
