"use client";

import { ErrorPanel } from "@/components/states/error-panel";
import "./globals.css";

// Errors in the root layout itself: this replaces it, so it brings its own document and styles.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-gray-50 px-4 py-16 text-gray-900 antialiased">
        <title>Something went wrong · Switchboard</title>
        <ErrorPanel error={error} retry={retry} />
      </body>
    </html>
  );
}
