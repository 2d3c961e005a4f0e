"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ComponentProps, ReactNode, RefObject } from "react";

export type DialogModalProps = { title: string; description?: ReactNode; children: ReactNode } & ComponentProps<typeof RadixDialog.Content>;

// The open dialog: Radix supplies the focus trap, Escape and outside-click handling, and hides the
// rest of the page from assistive technology. Loaded only when a dialog first opens (see dialog.tsx).
export default function DialogModal({
  title,
  description,
  children,
  onOpenChange,
  triggerRef,
  onCloseAutoFocus,
  ...props
}: DialogModalProps & { onOpenChange: (open: boolean) => void; triggerRef: RefObject<HTMLElement | null> }) {
  return (
    <RadixDialog.Root open onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        {/* scheme-light pins the light palette: the overlay dims the page in both themes. */}
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-gray-900/40 scheme-light" />
        <RadixDialog.Content
          // Never taller than the screen: the body scrolls, so the submit button stays reachable.
          className="fixed left-1/2 top-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none"
          // Radix returns focus to its own trigger; ours lives outside Radix, so point it there.
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (event.defaultPrevented || !triggerRef.current) return;
            event.preventDefault();
            triggerRef.current.focus();
          }}
          {...props}
        >
          <RadixDialog.Title className="text-base font-semibold text-gray-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-gray-600">{description}</RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
