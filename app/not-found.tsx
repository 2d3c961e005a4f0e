import type { Metadata } from "next";
import { NotFoundPanel } from "@/components/states/not-found-panel";

export const metadata: Metadata = { title: "Page not found" };

// Any address no route answers, and notFound() outside the pages that have their own.
export default function NotFound() {
  return (
    <main className="px-4 py-16">
      <NotFoundPanel
        title="Page not found"
        explanation="There is no page at this address. It may have moved, or the link may be mistyped."
        backHref="/"
        backLabel="Go to the overview"
      />
    </main>
  );
}
