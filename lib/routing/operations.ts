import { defineOperation } from "@/lib/api/operation";
import { FALLBACK_ROUTE } from "./match-rule";
import { createRoutingRuleSchema, inboundCallSchema, listRoutingRulesQuerySchema, updateRoutingRuleSchema } from "./schemas";

const EVALUATION =
  "Rules are evaluated from the lowest priority number up (ties: oldest rule first); the first whose conditions all hold routes the call. " +
  "Conditions are called_number (exact), caller_prefix (the caller's number starts with it) and schedule (a weekly window in a named time zone); " +
  "a rule with none of them matches every call.";

export const createRoutingRuleOperation = defineOperation({
  method: "POST",
  path: "/api/v1/routing-rules",
  tag: "Routing",
  summary: "Create a routing rule",
  description: `Decides where inbound calls go: to an AI agent or forwarded to a phone number. ${EVALUATION}`,
  permission: "routing:write",
  body: createRoutingRuleSchema,
  success: { status: 201, description: "The routing rule." },
  example: {
    name: "UK callers after hours",
    priority: 10,
    caller_prefix: "+44",
    schedule: { time_zone: "Europe/London", days: ["mon", "tue", "wed", "thu", "fri"], start: "18:00", end: "09:00" },
    action: "forward",
    target: "+442079460000",
  },
});

export const listRoutingRulesOperation = defineOperation({
  method: "GET",
  path: "/api/v1/routing-rules",
  tag: "Routing",
  summary: "List routing rules",
  description: "Newest first (not evaluation order: sort by priority, then created_at, for that).",
  permission: "routing:read",
  query: listRoutingRulesQuerySchema,
  success: { status: 200, description: "A list of routing rules." },
});

export const getRoutingRuleOperation = defineOperation({
  method: "GET",
  path: "/api/v1/routing-rules/{id}",
  tag: "Routing",
  summary: "Retrieve a routing rule",
  permission: "routing:read",
  idPrefix: "rule",
  success: { status: 200, description: "The routing rule." },
});

export const updateRoutingRuleOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/routing-rules/{id}",
  tag: "Routing",
  summary: "Update a routing rule",
  description:
    "Changes only the fields sent; null removes name, called_number, caller_prefix or schedule. The rule that results is validated as a whole: for example, changing action to \"forward\" needs a target that is a phone number.",
  permission: "routing:write",
  idPrefix: "rule",
  body: updateRoutingRuleSchema,
  success: { status: 200, description: "The updated routing rule." },
  example: { priority: 5, schedule: null },
});

export const deleteRoutingRuleOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/routing-rules/{id}",
  tag: "Routing",
  summary: "Delete a routing rule",
  description: "Calls already routed by it keep their routing.",
  permission: "routing:write",
  idPrefix: "rule",
  success: { status: 200, description: "{\"id\", \"object\": \"routing_rule\", \"deleted\": true}." },
});

export const createInboundCallOperation = defineOperation({
  method: "POST",
  path: "/api/v1/inbound-calls",
  tag: "Routing",
  summary: "Receive an inbound call",
  description:
    `Records a call from \`from\` to your number \`to\`, routed by your routing rules at this moment, and answers it with the built-in simulator (ringing → in_progress → completed). ${EVALUATION} ` +
    `When no rule matches, the call goes to the default agent: routing is ${JSON.stringify(FALLBACK_ROUTE)}. The call's routing field shows the decision.`,
  permission: "calls:write",
  body: inboundCallSchema,
  success: { status: 201, description: "The call, ringing, with its routing." },
  example: { from: "+442079460123", to: "+14155550100" },
});
