import { Badge } from "@/components/ui/badge";
import { SetUpTwoFactor, TurnOffTwoFactorButton, type TwoFactorActions } from "./two-factor-controls";

// Rendered on the server: only the buttons and the set-up dialog are client code
// (two-factor-controls.tsx).
export function TwoFactorSection({ enabled, recoveryCodesLeft, actions }: { enabled: boolean; recoveryCodesLeft: number; actions: TwoFactorActions }) {
  if (enabled) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone="green">On</Badge>
        <span className="text-sm text-gray-600">
          {recoveryCodesLeft} recovery code{recoveryCodesLeft === 1 ? "" : "s"} left
        </span>
        <TurnOffTwoFactorButton disable={actions.disable} />
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Badge>Off</Badge>
      <SetUpTwoFactor begin={actions.begin} confirm={actions.confirm} />
    </div>
  );
}
