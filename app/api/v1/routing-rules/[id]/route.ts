import { withApiKey } from "@/lib/api/with-api-key";
import { deleteRoutingRuleOperation, getRoutingRuleOperation, updateRoutingRuleOperation } from "@/lib/routing/operations";
import { deleteRoutingRule, getRoutingRule, updateRoutingRule } from "@/lib/routing/rules";
import { serializeRoutingRule } from "@/lib/routing/serialize-routing-rule";

// GET /api/v1/routing-rules/{id}: one routing rule.
export const GET = withApiKey(getRoutingRuleOperation, async ({ accountId, params }) =>
  Response.json(serializeRoutingRule(await getRoutingRule(accountId, params.id))),
);

// PATCH /api/v1/routing-rules/{id}: change some fields of a rule.
export const PATCH = withApiKey(updateRoutingRuleOperation, async ({ accountId, params, body }) =>
  Response.json(serializeRoutingRule(await updateRoutingRule(accountId, params.id, body))),
);

// DELETE /api/v1/routing-rules/{id}: remove a rule; calls it routed keep their routing.
export const DELETE = withApiKey(deleteRoutingRuleOperation, async ({ accountId, params }) => {
  await deleteRoutingRule(accountId, params.id);
  return Response.json({ id: params.id, object: "routing_rule", deleted: true });
});
