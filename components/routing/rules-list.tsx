import { DeleteDialog } from "@/components/ui/delete-dialog";
import type { ActionState } from "@/lib/actions/validated-action";
import type { RoutingRule } from "@/lib/generated/prisma/client";
import { describeAction, describeConditions } from "@/lib/routing/describe-rule";
import { FALLBACK_ROUTE } from "@/lib/routing/match-rule";
import { storedScheduleSchema } from "@/lib/routing/schedule";
import { serializeRoutingRule } from "@/lib/routing/serialize-routing-rule";
import { MoveRuleButtons } from "./move-rule-buttons";
import { RuleFormDialog } from "./rule-dialog";

type RuleAction = (formData: FormData) => Promise<ActionState<boolean>>;

export function ruleLabel(rule: Pick<RoutingRule, "name">, position: number): string {
  return rule.name ? `rule ${position} "${rule.name}"` : `rule ${position}`;
}

// The rules in the order calls try them, then the fallback that answers when none matches.
export function RulesList({ rules, actions }: { rules: RoutingRule[]; actions: { update: RuleAction; move: RuleAction; remove: RuleAction } }) {
  return (
    <section aria-labelledby="rules-heading" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-gray-200">
      <h2 id="rules-heading" className="sr-only">
        Rules in priority order
      </h2>
      {rules.length === 0 && <p className="px-6 py-6 text-sm text-gray-600">No rules yet: every call goes to the fallback below.</p>}
      <ol className="divide-y divide-gray-200">
        {rules.map((rule, index) => {
          const position = index + 1;
          const label = ruleLabel(rule, position);
          const conditions = describeConditions({ ...rule, schedule: storedScheduleSchema.parse(rule.schedule) });
          return (
            <li key={rule.id} className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:gap-4">
              <div className="flex items-start gap-3 sm:flex-1">
                <span className="mt-0.5 inline-flex h-6 min-w-6 items-center justify-center rounded-full bg-indigo-50 px-1.5 text-xs font-semibold text-indigo-700">
                  {position}
                </span>
                <div className="min-w-0 space-y-1 text-sm">
                  <p className="font-medium text-gray-900">{rule.name ?? `Rule ${position}`}</p>
                  <p className="text-gray-700">
                    <span className="font-medium">When:</span> {conditions.join("; ")}
                  </p>
                  <p className="text-gray-700">
                    <span className="font-medium">Then:</span> {describeAction(rule.action, rule.target)}
                  </p>
                </div>
              </div>
              <div className="flex flex-wrap items-center gap-1">
                <MoveRuleButtons ruleId={rule.id} label={label} first={index === 0} last={index === rules.length - 1} action={actions.move} />
                <RuleFormDialog action={actions.update} editing={serializeRoutingRule(rule)} label={label} />
                <DeleteDialog
                  title={`Delete ${label}?`}
                  description="Calls it matched go to the next matching rule, or the fallback. This cannot be undone."
                  fields={{ rule_id: rule.id }}
                  action={actions.remove}
                  accessibleName={`Delete ${label}`}
                  confirmLabel="Delete rule"
                  doneMessage="Rule deleted"
                />
              </div>
            </li>
          );
        })}
        <li className="flex items-start gap-3 bg-gray-50 px-6 py-4 text-sm">
          <span className="mt-0.5 inline-flex h-6 min-w-6 items-center justify-center rounded-full bg-gray-200 px-1.5 text-xs font-semibold text-gray-700">–</span>
          <div className="space-y-1">
            <p className="font-medium text-gray-900">Fallback</p>
            <p className="text-gray-700">
              <span className="font-medium">When:</span> no rule above matches
            </p>
            <p className="text-gray-700">
              <span className="font-medium">Then:</span> {describeAction(FALLBACK_ROUTE.action, FALLBACK_ROUTE.target)}
            </p>
          </div>
        </li>
      </ol>
    </section>
  );
}
