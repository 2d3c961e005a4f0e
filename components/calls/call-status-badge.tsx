import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CallStatus } from "@/lib/calls/schemas";

const STATUS: Record<CallStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "gray" },
  ringing: { label: "Ringing", tone: "amber" },
  in_progress: { label: "In progress", tone: "blue" },
  completed: { label: "Completed", tone: "green" },
  no_answer: { label: "No answer", tone: "amber" },
  failed: { label: "Failed", tone: "red" },
  canceled: { label: "Canceled", tone: "gray" },
};

export const STATUS_LABELS = Object.fromEntries(Object.entries(STATUS).map(([status, { label }]) => [status, label])) as Record<CallStatus, string>;

export function CallStatusBadge({ status }: { status: CallStatus }) {
  const { label, tone } = STATUS[status] ?? { label: status, tone: "gray" };
  return <Badge tone={tone}>{label}</Badge>;
}

export function directionLabel(direction: string): string {
  return direction === "inbound" ? "Inbound" : "Outbound";
}
