"use client";

import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/actions/validated-action";

type MoveAction = (formData: FormData) => Promise<ActionState<boolean>>;

// The buttons stay in place at the ends of the list (aria-disabled, not removed) so keyboard
// focus stays on the button just pressed as the rule moves.
function MoveButton({ ruleId, label, direction, atEnd, action }: { ruleId: string; label: string; direction: "up" | "down"; atEnd: boolean; action: MoveAction }) {
  const { state, pending, busy, onSubmit } = useFormAction(action);
  return (
    <form method="post" onSubmit={(event) => (atEnd ? event.preventDefault() : onSubmit(event))}>
      <input type="hidden" name="rule_id" value={ruleId} />
      <input type="hidden" name="direction" value={direction} />
      <Button
        type="submit"
        variant="ghost"
        className="px-2"
        aria-label={`Move ${label} ${direction}`}
        aria-disabled={atEnd || busy ? true : undefined}
        aria-busy={pending || undefined}
        title={`Move ${direction}`}
      >
        {/* Arrows as text, not lucide icons: its icon runtime would put Routing over its JavaScript budget. */}
        <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
      </Button>
      {state.error && (
        <span role="alert" className="text-sm text-red-600">
          {state.error}
        </span>
      )}
    </form>
  );
}

export function MoveRuleButtons({ ruleId, label, first, last, action }: { ruleId: string; label: string; first: boolean; last: boolean; action: MoveAction }) {
  return (
    <div className="flex">
      <MoveButton ruleId={ruleId} label={label} direction="up" atEnd={first} action={action} />
      <MoveButton ruleId={ruleId} label={label} direction="down" atEnd={last} action={action} />
    </div>
  );
}
