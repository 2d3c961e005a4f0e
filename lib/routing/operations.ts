import { defineOperation, response } from "@/lib/api/operation";
import { toList } from "@/lib/api/pagination";
import { deletedAnswer, listExample } from "@/lib/api/response-schemas";
import { recordInboundCall } from "@/lib/calls/inbound";
import { CALL_EXAMPLE, callSchema } from "@/lib/calls/schemas";
import { serializeCallForKey } from "@/lib/calls/serialize-call-for-key";
import { FALLBACK_ROUTE } from "./match-rule";
import { createRoutingRule, deleteRoutingRule, getRoutingRule, listRoutingRules, updateRoutingRule } from "./rules";
import {
  createRoutingRuleSchema,
  deletedRoutingRuleSchema,
  inboundCallSchema,
  listRoutingRulesQuerySchema,
  ROUTING_RULE_EXAMPLE,
  routingRuleListSchema,
  routingRuleSchema,
  updateRoutingRuleSchema,
} from "./schemas";
import { serializeRoutingRule } from "./serialize-routing-rule";

const EVALUATION =
  "Rules are evaluated from the lowest priority number up (ties: oldest rule first); the first whose conditions all hold routes the call. " +
  "Conditions are called_number (exact), caller_prefix (the caller's number starts with it) and schedule (a weekly window in a named time zone); " +
  "a rule with none of them matches every call.";

const ruleResponse = (description: string) => response({ description, schema: routingRuleSchema, example: ROUTING_RULE_EXAMPLE });

export const createRoutingRuleOperation = defineOperation({
  method: "POST",
  path: "/api/v1/routing-rules",
  operationId: "createRoutingRule",
  tag: "Routing",
  summary: "Create a routing rule",
  description: `Decides where inbound calls go: to an AI agent or forwarded to a phone number. ${EVALUATION}`,
  permission: "routing:write",
  body: createRoutingRuleSchema,
  responses: { 201: ruleResponse("The routing rule.") },
  example: {
    name: "UK callers after hours",
    priority: 10,
    caller_prefix: "+44",
    schedule: { time_zone: "Europe/London", days: ["mon", "tue", "wed", "thu", "fri"], start: "18:00", end: "09:00" },
    action: "forward",
    target: "+442079460000",
  },
  handler: async ({ accountId, body }) => ({ status: 201, body: serializeRoutingRule(await createRoutingRule(accountId, body)) }),
});

export const listRoutingRulesOperation = defineOperation({
  method: "GET",
  path: "/api/v1/routing-rules",
  operationId: "listRoutingRules",
  tag: "Routing",
  summary: "List routing rules",
  description: "Newest first (not evaluation order: sort by priority, then created_at, for that).",
  permission: "routing:read",
  query: listRoutingRulesQuerySchema,
  responses: { 200: response({ description: "A list of routing rules.", schema: routingRuleListSchema, example: listExample(ROUTING_RULE_EXAMPLE) }) },
  handler: async ({ accountId, query }) => ({ status: 200, body: toList(await listRoutingRules(accountId, query), query.limit, serializeRoutingRule) }),
});

export const getRoutingRuleOperation = defineOperation({
  method: "GET",
  path: "/api/v1/routing-rules/{id}",
  operationId: "getRoutingRule",
  tag: "Routing",
  summary: "Retrieve a routing rule",
  permission: "routing:read",
  idPrefix: "rule",
  responses: { 200: ruleResponse("The routing rule.") },
  handler: async ({ accountId, params }) => ({ status: 200, body: serializeRoutingRule(await getRoutingRule(accountId, params.id)) }),
});

export const updateRoutingRuleOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/routing-rules/{id}",
  operationId: "updateRoutingRule",
  tag: "Routing",
  summary: "Update a routing rule",
  description:
    "Changes only the fields sent; null removes name, called_number, caller_prefix or schedule. The rule that results is validated as a whole: for example, changing action to \"forward\" needs a target that is a phone number.",
  permission: "routing:write",
  idPrefix: "rule",
  body: updateRoutingRuleSchema,
  responses: { 200: ruleResponse("The updated routing rule.") },
  example: { priority: 5, schedule: null },
  handler: async ({ accountId, params, body }) => ({ status: 200, body: serializeRoutingRule(await updateRoutingRule(accountId, params.id, body)) }),
});

export const deleteRoutingRuleOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/routing-rules/{id}",
  operationId: "deleteRoutingRule",
  tag: "Routing",
  summary: "Delete a routing rule",
  description: "Calls already routed by it keep their routing.",
  permission: "routing:write",
  idPrefix: "rule",
  responses: {
    200: response({
      description: "The rule is deleted.",
      schema: deletedRoutingRuleSchema,
      example: { id: ROUTING_RULE_EXAMPLE.id, object: "routing_rule", deleted: true },
    }),
  },
  handler: async ({ accountId, params }) => {
    await deleteRoutingRule(accountId, params.id);
    return { status: 200, body: deletedAnswer("routing_rule", params.id) };
  },
});

export const createInboundCallOperation = defineOperation({
  method: "POST",
  path: "/api/v1/inbound-calls",
  operationId: "createInboundCall",
  tag: "Routing",
  summary: "Receive an inbound call",
  description:
    `Records a call from \`from\` to your number \`to\`, routed by your routing rules at this moment, and answers it with the built-in simulator (ringing → in_progress → completed). ${EVALUATION} ` +
    `When no rule matches, the call goes to the default agent: routing is ${JSON.stringify(FALLBACK_ROUTE)}. The call's routing field shows the decision.`,
  permission: "calls:write",
  body: inboundCallSchema,
  responses: {
    201: response({
      description: "The call, ringing, with its routing.",
      schema: callSchema,
      example: {
        ...CALL_EXAMPLE,
        direction: "inbound",
        status: "ringing",
        from: "+442079460123",
        to: "+14155550100",
        agent: null,
        variables: {},
        routing: { rule_id: ROUTING_RULE_EXAMPLE.id, action: "forward", target: "+442079460000" },
        duration_seconds: null,
        transcript: null,
        summary: null,
        answered_at: null,
        ended_at: null,
      },
    }),
  },
  example: { from: "+442079460123", to: "+14155550100" },
  handler: async ({ accountId, apiKey, body }) => ({ status: 201, body: serializeCallForKey(await recordInboundCall(accountId, apiKey.id, body), apiKey) }),
});

// This feature's endpoints, in the order the reference presents them.
export const routingOperations = [
  createRoutingRuleOperation,
  listRoutingRulesOperation,
  getRoutingRuleOperation,
  updateRoutingRuleOperation,
  deleteRoutingRuleOperation,
  createInboundCallOperation,
] as const;
