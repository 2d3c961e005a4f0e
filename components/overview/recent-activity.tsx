import { Link } from "@/components/ui/link";
import { CallStatusBadge } from "@/components/calls/call-status-badge";
import { DATE_TIME_SECONDS, Time } from "@/components/ui/time";
import type { RecentActivity } from "@/lib/overview/schemas";

const CARD = "rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200";
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
      <section aria-labelledby="latest-calls-heading" className={CARD}>
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="latest-calls-heading" className="text-base font-semibold">
            Latest calls
          </h2>
          <Link href="/calls" className="text-sm font-semibold text-indigo-700 hover:underline">
            All calls
          </Link>
        </div>
        {activity.calls.length === 0 ? (
          <p className="mt-3 text-sm text-gray-600">No calls yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100">
            {activity.calls.map((call) => (
              <li key={call.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
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
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="account-activity-heading" className={CARD}>
        <div className="flex items-baseline justify-between gap-2">
          <h2 id="account-activity-heading" className="text-base font-semibold">
            Account activity
          </h2>
          <Link href="/settings/audit-log" className="text-sm font-semibold text-indigo-700 hover:underline">
            Audit log
          </Link>
        </div>
        {activity.events.length === 0 ? (
          <p className="mt-3 text-sm text-gray-600">Nothing recorded yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-gray-100">
            {activity.events.map((event) => (
              <li key={event.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  <span className="font-medium text-gray-900">{event.label}</span>{" "}
                  <span className="text-gray-600">by {ACTORS[event.actor] ?? event.actor}</span>
                </span>
                <span className="text-gray-600">
                  <Time value={event.createdAt} format={DATE_TIME_SECONDS} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
