import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { DATE_TIME_SECONDS, Time } from "@/components/ui/time";
import type { DashboardCallDetail } from "@/lib/calls/dashboard";
import { ApiKeyLabel } from "./api-key-label";
import { directionLabel } from "./call-status-badge";

const CARD = "rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200";

function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `call-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className={CARD}>
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      <div className="mt-3 text-sm">{children}</div>
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{label}</dt>
      <dd className="mt-1 text-sm text-gray-900">{children}</dd>
    </div>
  );
}

function StringMap({ values, empty }: { values: Record<string, string>; empty: string }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return <p className="text-gray-500">{empty}</p>;
  return (
    <dl className="divide-y divide-gray-100">
      {entries.map(([key, value]) => (
        <div key={key} className="flex gap-4 py-1.5">
          <dt className="w-1/3 shrink-0 break-words font-mono text-gray-500">{key}</dt>
          <dd className="min-w-0 break-words text-gray-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Timeline({ call }: { call: DashboardCallDetail }) {
  const steps: { label: string; at: Date | null }[] = [
    { label: "Created", at: call.createdAt },
    { label: "Ringing", at: call.ringingAt },
    { label: "Answered", at: call.answeredAt },
    { label: "Ended", at: call.endedAt },
  ];
  return (
    <ol className="space-y-3">
      {steps.map((step) => (
        <li key={step.label} className="flex items-start gap-3">
          <span
            aria-hidden
            className={`mt-1.5 size-2 shrink-0 rounded-full ${step.at ? "bg-indigo-600" : "bg-gray-300"}`}
          />
          <div>
            <p className={step.at ? "font-medium text-gray-900" : "text-gray-500"}>{step.label}</p>
            <p className="text-gray-600">{step.at ? <Time value={step.at} format={DATE_TIME_SECONDS} /> : "—"}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function CallDetail({ call }: { call: DashboardCallDetail }) {
  const speakerLabel = (speaker: string) => (speaker === "agent" ? (call.agent ?? "Agent") : speaker === "caller" ? "Caller" : speaker);
  return (
    <div className="space-y-6">
      <section aria-label="Call details" className={CARD}>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-3">
          <Fact label="Direction">{directionLabel(call.direction)}</Fact>
          <Fact label="To">
            <span className="font-mono">{call.to}</span>
          </Fact>
          <Fact label="From">
            <span className="font-mono">{call.from}</span>
          </Fact>
          <Fact label="Agent">{call.agent ?? "—"}</Fact>
          <Fact label="Contact">
            {call.contactId ? (
              <Link href={`/contacts?q=${call.contactId}`} className="font-mono text-indigo-700 hover:underline">
                {call.contactId}
              </Link>
            ) : (
              "—"
            )}
          </Fact>
          <Fact label="Duration">{formatDuration(call.durationSeconds)}</Fact>
          <Fact label="API key">
            <ApiKeyLabel apiKey={call.apiKey} />
          </Fact>
        </dl>
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Summary">
            <p className={call.summary ? "text-gray-900" : "text-gray-500"}>
              {call.summary ?? "The summary appears when the call has ended."}
            </p>
          </Card>
          <Card title="Transcript">
            {call.transcript.length === 0 ? (
              <p className="text-gray-500">No transcript{call.endedAt ? " for this call." : " yet."}</p>
            ) : (
              <ol className="space-y-3">
                {call.transcript.map((turn, index) => (
                  <li key={index} className="grid gap-1 sm:grid-cols-[10rem_1fr] sm:gap-4">
                    <span className="font-medium text-gray-900">{speakerLabel(turn.speaker)}</span>
                    <span className="text-gray-700">{turn.text}</span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Timeline">
            <Timeline call={call} />
          </Card>
          <Card title="Variables">
            <StringMap values={call.variables} empty="No variables." />
          </Card>
          <Card title="Metadata">
            <StringMap values={call.metadata} empty="No metadata." />
          </Card>
        </div>
      </div>
    </div>
  );
}
