"use client";

import { lazy, Suspense, useEffect, useState } from "react";

type Tone = "success" | "error";

// sonner is fetched with the first toast, not with every page: most visits show none, and the
// dashboard's pages have a JavaScript budget (issue 13). sonner replays toasts created before its
// Toaster subscribed, so the first one is not lost while both load.
const SonnerToaster = lazy(() => import("./sonner-toaster"));

let mountToaster: (() => void) | undefined;

export function toast(message: string, tone: Tone = "success") {
  mountToaster?.();
  void import("./sonner-toaster").then(({ showToast }) => showToast(message, tone));
}

// Rendered once, in the root layout: outside any dialog's portal, so toasts stay above the overlay.
export function Toaster() {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    mountToaster = () => setWanted(true);
    return () => {
      mountToaster = undefined;
    };
  }, []);
  return wanted ? (
    <Suspense fallback={null}>
      <SonnerToaster />
    </Suspense>
  ) : null;
}
