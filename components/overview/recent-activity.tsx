import { Link } from "@/components/ui/link";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { DATE_TIME_SECONDS, Time } from "@/components/ui/time";
import type { RecentActivity } from "@/lib/overview/schemas";
import { ActivityCard } from "./activity-card";

const ROW = "flex flex-wrap items-center justify-between gap-2 py-2 text-sm";
const ACTORS: Record<string, string> = {
  user: "you",
  api_key: "an API key",
  system: "Switchboard",
  github_secret_scanning: "GitHub secret scanning",
  public_revoke: "a leak report",
};

export function RecentActivityPanel({ activity }: { activity: RecentActivity }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ActivityCard
        headingId="latest-calls-heading"
        title="Latest calls"
        viewAll={{ href: "/calls", label: "All calls" }}
        empty="No calls yet."
        items={activity.calls}
        renderItem={(call) => (
          <li key={call.id} className={ROW}>
            <Link href={`/calls/${call.id}`} className="font-mono text-indigo-700 hover:underline">
              {call.direction === "inbound" ? `From ${call.from}` : `To ${call.to}`}
            </Link>
            <span className="flex items-center gap-3">
              <CallStatusBadge status={call.status} />
              <span className="text-gray-600">
                <Time value={call.createdAt} format={DATE_TIME_SECONDS} />
              </span>
            </span>
          </li>
        )}
      />
      <ActivityCard
        headingId="account-activity-heading"
        title="Account activity"
        viewAll={{ href: "/settings/audit-log", label: "Audit log" }}
        empty="Nothing recorded yet."
        items={activity.events}
        renderItem={(event) => (
          <li key={event.id} className={ROW}>
            <span>
              <span className="font-medium text-gray-900">{event.label}</span>{" "}
              <span className="text-gray-600">by {ACTORS[event.actor] ?? event.actor}</span>
            </span>
            <span className="text-gray-600">
              <Time value={event.createdAt} format={DATE_TIME_SECONDS} />
            </span>
          </li>
        )}
      />
    </div>
  );
}
