"use client";

import { useId, useState, useSyncExternalStore } from "react";
import { exactTimeFormat, formatRelativeTime } from "@/lib/time/relative-time";

// One clock for every time on the page: a single interval while any is shown, none otherwise.
let now: number | null = null;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 10_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const clientNow = () => (now ??= Date.now());
// The server (and the hydrating client) have no "now" to agree on: they show the absolute UTC time.
const serverNow = () => null;

let viewerFormat: Intl.DateTimeFormat | undefined;

// A time as "3 minutes ago", with the exact time in the viewer's zone in a tooltip that opens on
// hover and on keyboard focus, is its description for screen readers, and closes with Escape.
export function RelativeTime({ iso, utcText, utcTitle }: { iso: string; utcText: string; utcTitle: string }) {
  const current = useSyncExternalStore(subscribe, clientNow, serverNow);
  const tooltipId = useId();
  const [dismissed, setDismissed] = useState(false);
  if (current === null) {
    return (
      <time dateTime={iso} title={utcTitle}>
        {utcText}
      </time>
    );
  }
  const date = new Date(iso);
  const exact = (viewerFormat ??= exactTimeFormat()).format(date);
  return (
    <span className="group relative inline-block" onMouseLeave={() => setDismissed(false)} onBlur={() => setDismissed(false)}>
      <time
        dateTime={iso}
        title={exact}
        tabIndex={0}
        aria-describedby={tooltipId}
        onKeyDown={(event) => {
          if (event.key === "Escape") setDismissed(true);
        }}
        className="whitespace-nowrap rounded-sm underline decoration-gray-300 decoration-dotted underline-offset-4 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {formatRelativeTime(date, new Date(current))}
      </time>
      <span
        id={tooltipId}
        role="tooltip"
        className={`pointer-events-none absolute left-0 top-full z-20 mt-1 hidden whitespace-nowrap rounded bg-gray-900 px-2 py-1 text-xs font-normal text-white shadow ${
          dismissed ? "" : "group-hover:block group-focus-within:block"
        }`}
      >
        {exact}
      </span>
    </span>
  );
}
