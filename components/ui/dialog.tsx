"use client";

import {
  cloneElement,
  createContext,
  lazy,
  Suspense,
  useContext,
  useRef,
  useState,
  type FocusEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefObject,
} from "react";
import type { DialogModalProps } from "./dialog-modal";

// The dialog itself (Radix, ~19 kB gzip) is loaded when a dialog first opens, and fetched ahead
// when the pointer or focus reaches a trigger: no page needs it on its first load, and Integration
// Settings, the page with the most dialogs, stays within its JavaScript budget.
const loadModal = () => import("./dialog-modal");
const DialogModal = lazy(loadModal);

// For a dialog that opens without a trigger (after an action): fetch its code ahead.
export const loadDialogModal = () => void loadModal();

type DialogState = { open: boolean; setOpen: (open: boolean) => void; triggerRef: RefObject<HTMLElement | null> };

const DialogContext = createContext<DialogState | null>(null);

function useDialog(): DialogState {
  const dialog = useContext(DialogContext);
  if (!dialog) throw new Error("Dialog parts must be inside <Dialog>.");
  return dialog;
}

export function Dialog({
  open: controlled,
  onOpenChange,
  children,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
}) {
  const [uncontrolled, setUncontrolled] = useState(false);
  const triggerRef = useRef<HTMLElement>(null);
  const open = controlled ?? uncontrolled;
  const setOpen = (next: boolean) => {
    if (controlled === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  };
  return <DialogContext.Provider value={{ open, setOpen, triggerRef }}>{children}</DialogContext.Provider>;
}

type TriggerChildProps = {
  ref?: Ref<HTMLElement>;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  onPointerEnter?: (event: PointerEvent<HTMLElement>) => void;
  onFocus?: (event: FocusEvent<HTMLElement>) => void;
};

// Always "as child": the button passed in becomes the trigger.
export function DialogTrigger({ children }: { asChild?: true; children: ReactElement<TriggerChildProps> }) {
  const dialog = useDialog();
  const preload = loadDialogModal;
  return cloneElement(children, {
    ref: dialog.triggerRef,
    "aria-haspopup": "dialog",
    "aria-expanded": dialog.open,
    onClick: (event: MouseEvent<HTMLElement>) => {
      children.props.onClick?.(event);
      if (!event.defaultPrevented) dialog.setOpen(true);
    },
    onPointerEnter: (event: PointerEvent<HTMLElement>) => {
      children.props.onPointerEnter?.(event);
      preload();
    },
    onFocus: (event: FocusEvent<HTMLElement>) => {
      children.props.onFocus?.(event);
      preload();
    },
  } as TriggerChildProps);
}

export function DialogContent(props: DialogModalProps) {
  const dialog = useDialog();
  if (!dialog.open) return null;
  return (
    <Suspense fallback={null}>
      <DialogModal {...props} onOpenChange={dialog.setOpen} triggerRef={dialog.triggerRef} />
    </Suspense>
  );
}
