"use client";

import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes, MouseEvent } from "react";

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: string };

// In-app links without next/link: its module and helpers are ~3 kB gzip on every page, while the
// router it drives (next/navigation) is in Next.js's runtime that every page loads anyway. A plain
// <a> that works before hydration; a left click on a path of this app navigates on the client
// like next/link (scrolls to the top, or to the #fragment), and the page's data is fetched ahead
// when the pointer or focus reaches the link (next/link also prefetches every link scrolled into
// view; on hover is enough for a dashboard). Ctrl/⌘/Shift-click, other buttons and targets keep
// the browser's behaviour. ESLint forbids next/link (eslint.config.mjs).
export function Link({ href, onClick, onPointerEnter, onFocus, ...props }: LinkProps) {
  const router = useRouter();
  const internal = href.startsWith("/") && !href.startsWith("//");
  const prefetch = () => {
    if (internal) router.prefetch(href);
  };
  return (
    <a
      href={href}
      {...props}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        prefetch();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        prefetch();
      }}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (event.defaultPrevented || !internal || props.target || props.download !== undefined) return;
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        router.push(href);
      }}
    />
  );
}
