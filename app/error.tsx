"use client";

import { ErrorPanel } from "@/components/states/error-panel";

// Errors on any page below the root layout (dashboard, sign-in, docs); the root layout stays.
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main className="px-4 py-16">
      <ErrorPanel error={error} retry={retry} />
    </main>
  );
}
