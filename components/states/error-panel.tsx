"use client";

import { Button } from "@/components/ui/button";

// What app/error.tsx shows (one boundary for every page: a second one for the dashboard would put
// another copy of this panel into each dashboard page's JavaScript): a calm sentence, a retry, a way
// home, and the error's digest,
// which the server logs as `digest` on the "page error" line (instrumentation.ts), so support
// can find the record a user quotes. Server errors reach the browser without their message.
export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <section role="alert" aria-labelledby="error-heading" className="mx-auto max-w-lg rounded-lg bg-white p-6 shadow-sm ring-1 ring-gray-200">
      <h1 id="error-heading" className="text-lg font-semibold">
        This page could not be shown
      </h1>
      <p className="mt-2 text-sm text-gray-600">
        Something went wrong on our side. Nothing you entered was lost; trying again usually helps.
      </p>
      {digest && (
        <p className="mt-3 text-sm text-gray-600">
          If it keeps happening, quote this reference to support:{" "}
          <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono text-gray-900" data-testid="error-digest">
            {digest}
          </code>
        </p>
      )}
      <div className="mt-4 flex items-center gap-4">
        <Button onClick={retry}>Try again</Button>
        {/* A full load on purpose: the app's own navigation may be what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="text-sm font-medium text-indigo-700 hover:text-indigo-900">
          Go to the overview
        </a>
      </div>
    </section>
  );
}
