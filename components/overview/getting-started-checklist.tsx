import { Link } from "@/components/ui/link";
import type { GettingStarted } from "@/lib/overview/schemas";

type Step = { done: keyof GettingStarted; title: string; description: string; href: string; action: string };

// In the order a new integration goes: each step links to where it is done.
const STEPS: readonly Step[] = [
  {
    done: "apiKeyCreated",
    title: "Create an API key",
    description: "Generate a key in Integration Settings and paste it into Make, Zapier or your CRM.",
    href: "/settings/integrations#api-keys-heading",
    action: "Generate a key",
  },
  {
    done: "firstApiRequest",
    title: "Make your first API request",
    description: "Send a request with the key, e.g. GET /api/v1/me, the connection test of Make and Zapier.",
    href: "/docs/api#getMe",
    action: "Read the API reference",
  },
  {
    done: "webhookEndpointAdded",
    title: "Add a webhook endpoint",
    description: "Tell Switchboard where to send call events as they happen.",
    href: "/settings/integrations#webhooks-heading",
    action: "Add an endpoint",
  },
  {
    done: "firstCallPlaced",
    title: "Place your first call",
    description: "Launch an AI call with POST /api/v1/calls; it shows up on the Calls page.",
    href: "/docs/api#createCall",
    action: "See how to launch a call",
  },
];

function CheckMark({ done }: { done: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full ${done ? "bg-green-600 text-white" : "ring-2 ring-inset ring-gray-300"}`}
    >
      {done && (
        <svg viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2.5">
          <path d="M3.5 8.5l3 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      )}
    </span>
  );
}

// Ticks itself from the account's data (lib/overview/getting-started.ts): nothing to dismiss.
export function GettingStartedChecklist({ progress }: { progress: GettingStarted }) {
  const doneCount = STEPS.filter((step) => progress[step.done]).length;
  return (
    <section aria-labelledby="getting-started-heading" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="getting-started-heading" className="text-base font-semibold">
          Getting started
        </h2>
        <p className="text-sm text-gray-600">
          {doneCount === STEPS.length ? "All set: every step is done." : `${doneCount} of ${STEPS.length} steps done`}
        </p>
      </div>
      <ol className="mt-4 space-y-4">
        {STEPS.map((step) => {
          const done = progress[step.done];
          return (
            <li key={step.done} className="flex gap-3">
              <CheckMark done={done} />
              <div className="min-w-0">
                <p className={`font-medium ${done ? "text-gray-500" : "text-gray-900"}`}>
                  {step.title} <span className={`text-sm font-normal ${done ? "text-green-700" : "text-gray-600"}`}>({done ? "done" : "to do"})</span>
                </p>
                {!done && (
                  <>
                    <p className="mt-0.5 text-sm text-gray-600">{step.description}</p>
                    <Link href={step.href} className="mt-1 inline-block text-sm font-semibold text-indigo-700 hover:underline">
                      {step.action}
                    </Link>
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
