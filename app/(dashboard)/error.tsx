"use client";

import { ErrorPanel } from "@/components/states/error-panel";

// A dashboard page that failed: the navigation stays, so the user can go elsewhere or retry.
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
