import type { Metadata } from "next";
import { RuleFormDialog } from "@/components/routing/rule-dialog";
import { RoutingTester } from "@/components/routing/routing-tester";
import { RulesList } from "@/components/routing/rules-list";
import { requireUser } from "@/lib/auth/session";
import { listRulesInOrder } from "@/lib/routing/dashboard";
import { createRuleAction, deleteRuleAction, moveRuleAction, testRoutingAction, updateRuleAction } from "./routing-actions";

export const metadata: Metadata = { title: "Routing" };

export default async function RoutingPage() {
  const user = await requireUser();
  const rules = await listRulesInOrder(user.id);
  const positions = Object.fromEntries(rules.map((rule, index) => [rule.id, index + 1]));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Routing</h1>
          <p className="mt-1 max-w-prose text-sm text-gray-600">
            Where incoming calls go. Rules are tried from the top; the first one that matches answers the call.
          </p>
        </div>
        <RuleFormDialog action={createRuleAction} />
      </div>
      <RulesList rules={rules} actions={{ update: updateRuleAction, move: moveRuleAction, remove: deleteRuleAction }} />
      <RoutingTester action={testRoutingAction} positions={positions} />
    </div>
  );
}
