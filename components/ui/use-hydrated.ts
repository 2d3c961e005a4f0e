"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// False in the server render and until hydration, then true. Controls that need JavaScript
// stay disabled until it runs, so an early click cannot submit a form natively (which would
// put its fields, passwords included, in the URL) and browser tests wait for a live page.
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
