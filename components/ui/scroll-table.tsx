import type { ReactNode } from "react";

// The one pattern every wide table uses on a small screen: the table scrolls sideways inside its
// own box (never the page), and the first cell of each row (the key's name, the time of a request)
// stays pinned at the left so a row can be read while its other columns scroll past. Pinned cells
// need an opaque background, or the scrolled columns would show through them.
const PINNED_FIRST_COLUMN = [
  "[&_tr>:first-child]:sticky [&_tr>:first-child]:left-0 [&_tr>:first-child]:z-10",
  "[&_tbody_tr>:first-child]:bg-white [&_thead_tr>:first-child]:bg-gray-50",
  // The pinned column may take at most about half a phone screen; the rest scrolls.
  "max-sm:[&_tr>:first-child]:max-w-[45vw]",
  // A thin edge marks where the scrolled columns pass under the pinned one.
  "[&_tr>:first-child]:shadow-[inset_-1px_0_0_rgb(229_231_235)]",
].join(" ");

// `relative` makes the box the containing block of absolutely positioned content in the table
// (the `sr-only` column names): otherwise that content escapes the scrolling box and widens the
// whole page, and a phone browser then widens its layout viewport, pushing open dialogs off screen.
// The scrolling box is a named, focusable group (not a landmark: the section around it is one):
// keyboard users scroll it with the arrow keys
// (axe: scrollable-region-focusable) and screen readers announce what it holds.
export function ScrollTable({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`relative overflow-x-auto focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-600 ${PINNED_FIRST_COLUMN} ${className}`}>
      {children}
    </div>
  );
}
