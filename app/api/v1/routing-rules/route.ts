import { toList } from "@/lib/api/pagination";
import { withApiKey } from "@/lib/api/with-api-key";
import { createRoutingRuleOperation, listRoutingRulesOperation } from "@/lib/routing/operations";
import { createRoutingRule, listRoutingRules } from "@/lib/routing/rules";
import { serializeRoutingRule } from "@/lib/routing/serialize-routing-rule";

// POST /api/v1/routing-rules: add a rule that decides where inbound calls go.
export const POST = withApiKey(createRoutingRuleOperation, async ({ accountId, body }) =>
  Response.json(serializeRoutingRule(await createRoutingRule(accountId, body)), { status: 201 }),
);

// GET /api/v1/routing-rules: the account's routing rules, newest first.
export const GET = withApiKey(listRoutingRulesOperation, async ({ accountId, query }) =>
  Response.json(toList(await listRoutingRules(accountId, query), query.limit, serializeRoutingRule)),
);
