"use client";

import { lazy, Suspense } from "react";

// Fetched only when a page fails: every page loads its error boundary up front, and the panel (with
// its button) would otherwise add about 1 kB of JavaScript to each of them.
const ErrorPanel = lazy(() => import("@/components/states/error-panel").then((module) => ({ default: module.ErrorPanel })));

// Errors on any page below the root layout (dashboard, sign-in, docs); the root layout stays.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="px-4 py-16">
      <Suspense fallback={<p role="alert">This page could not be shown.</p>}>
        <ErrorPanel error={error} retry={retry} />
      </Suspense>
    </main>
  );
}
