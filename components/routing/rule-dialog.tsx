"use client";

import { lazy, Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogTrigger } from "@/components/ui/dialog";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { RoutingRuleObject } from "@/lib/routing/schemas";
import type { RuleAction } from "./rule-form-dialog";

// The rule form (its fields, schedule and time-zone list: ~2 kB gzip) loads when the dialog
// opens, or ahead when the pointer or focus reaches the button, so Routing's first load stays
// small; the dialog's own code is fetched at the same moment (components/ui/dialog.tsx).
const loadForm = () => import("./rule-form-dialog");
const RuleForm = lazy(() => loadForm().then((module) => ({ default: module.RuleForm })));

export function RuleFormDialog({ action, editing, label }: { action: RuleAction; editing?: RoutingRuleObject; label?: string }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button
          variant={editing ? "ghost" : "primary"}
          disabled={!hydrated}
          aria-label={editing ? `Edit ${label}` : undefined}
          onPointerEnter={() => void loadForm()}
          onFocus={() => void loadForm()}
        >
          {editing ? "Edit" : "New rule"}
        </Button>
      </DialogTrigger>
      {open && (
        <Suspense fallback={null}>
          <RuleForm action={action} editing={editing} onDone={() => setOpen(false)} />
        </Suspense>
      )}
    </Dialog>
  );
}
