"use client";

import { Toaster, toast } from "sonner";

// Long enough to read twice; hovering pauses both (sonner's default), and each has a close button.
// An error stays longer: it is the one a person may need to act on or copy from.
const SUCCESS_DURATION_MS = 6_000;
const ERROR_DURATION_MS = 15_000;

// sonner's region announces politely; an error carries role="alert" so screen readers interrupt
// with it instead of waiting.
export function showToast(message: string, tone: "success" | "error") {
  if (tone === "error") toast.error(<span role="alert">{message}</span>, { duration: ERROR_DURATION_MS });
  else toast.success(message, { duration: SUCCESS_DURATION_MS });
}

// Colours come from app/globals.css (the palette's variables), so toasts follow the theme.
export default function SonnerToaster() {
  return <Toaster position="bottom-right" richColors closeButton containerAriaLabel="Notifications" />;
}
