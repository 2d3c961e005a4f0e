import { z } from "zod";
import { e164Schema, PHONE_FORMS } from "@/lib/api/common-schemas";
import { listQuerySchema } from "@/lib/api/pagination";
import { RoutingAction } from "@/lib/generated/prisma/enums";
import { deletedSchema, exampleId, idSchema, listSchema, timestampSchema } from "@/lib/api/response-schemas";
import { scheduleSchema } from "./schedule";
export const MAX_PRIORITY = 1_000_000;

const nameSchema = z
  .string({ error: "must be a string." })
  .trim()
  .min(1, "cannot be empty.")
  .max(100, "can be at most 100 characters.")
  .meta({ description: "A label for the rule, shown back to you." });

const prioritySchema = z
  .number({ error: `must be a whole number from 0 to ${MAX_PRIORITY}.` })
  .int(`must be a whole number from 0 to ${MAX_PRIORITY}.`)
  .min(0, `must be a whole number from 0 to ${MAX_PRIORITY}.`)
  .max(MAX_PRIORITY, `must be a whole number from 0 to ${MAX_PRIORITY}.`)
  .meta({ description: "Rules are evaluated from the lowest number up; among equal priorities the oldest rule goes first." });

const calledNumberSchema = e164Schema.meta({ description: `Matches calls to this number of yours: ${PHONE_FORMS}.` });

const callerPrefixSchema = z
  .string({ error: "must be a string." })
  .regex(/^\+[1-9]\d{0,14}$/, "must be \"+\" and up to 15 digits, like +44 or +1415.")
  .meta({ description: "Matches callers whose number starts with this, e.g. +44 (United Kingdom) or +1415 (San Francisco).", example: "+44" });

const actionSchema = z
  .enum(RoutingAction, { error: (issue) => (issue.input === undefined ? "is required: \"agent\" or \"forward\"." : "must be \"agent\" or \"forward\".") })
  .meta({ description: "\"agent\": an AI agent answers; \"forward\": the call is forwarded to a phone number." });

const targetSchema = z
  .string({ error: (issue) => (issue.input === undefined ? "is required: an agent's name or a phone number." : "must be a string.") })
  .trim()
  .min(1, "cannot be empty.")
  .max(100, "can be at most 100 characters.")
  .meta({ description: "The agent's name for action \"agent\"; an E.164 phone number for action \"forward\"." });

// The label and the conditions: each may be null or left out, and a condition left empty is not checked.
const optionalFields = {
  name: nameSchema.nullable().optional(),
  called_number: calledNumberSchema.nullable().optional(),
  caller_prefix: callerPrefixSchema.nullable().optional(),
  schedule: scheduleSchema.nullable().optional(),
};

function forwardTargetIsPhoneNumber(rule: { action: string; target: string }) {
  return rule.action !== "forward" || e164Schema.safeParse(rule.target).success;
}

const FORWARD_TARGET = {
  message: "must be a phone number in E.164 format, like +14155550123, when action is \"forward\".",
  path: ["target"],
};

export const createRoutingRuleSchema = z
  .strictObject({ ...optionalFields, priority: prioritySchema.default(0), action: actionSchema, target: targetSchema })
  .refine(forwardTargetIsPhoneNumber, FORWARD_TARGET)
  .meta({ id: "CreateRoutingRule" });

export type RoutingRuleInput = z.infer<typeof createRoutingRuleSchema>;

// Each field optional; null clears a condition. The merged rule is validated again as a whole.
export const updateRoutingRuleSchema = z
  .strictObject({ ...optionalFields, priority: prioritySchema.optional(), action: actionSchema.optional(), target: targetSchema.optional() })
  .meta({ id: "UpdateRoutingRule" });

export type RoutingRulePatch = z.infer<typeof updateRoutingRuleSchema>;

export const listRoutingRulesQuerySchema = listQuerySchema("rule").meta({ id: "ListRoutingRulesQuery" });

export const inboundCallSchema = z
  .strictObject({
    from: e164Schema.meta({ description: `The caller's number: ${PHONE_FORMS}.` }),
    to: e164Schema.meta({ description: `The number of yours that was called: ${PHONE_FORMS}.` }),
  })
  .meta({ id: "InboundCall" });

// The routing rule object the API answers with.
export const routingRuleSchema = z
  .object({
    id: idSchema("rule", "The rule's id."),
    object: z.literal("routing_rule"),
    name: z.string().nullable(),
    priority: z.number().int().meta({ description: "Rules are evaluated from the lowest number up." }),
    called_number: z.string().nullable().meta({ description: "Matches calls to this number of yours; null matches any." }),
    caller_prefix: z.string().nullable().meta({ description: "Matches callers whose number starts with this; null matches any." }),
    schedule: scheduleSchema.nullable(),
    action: z.enum(RoutingAction),
    target: z.string().meta({ description: "The agent's name, or the phone number calls are forwarded to." }),
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "RoutingRule" });

export type RoutingRuleObject = z.output<typeof routingRuleSchema>;

export const routingRuleListSchema = listSchema(routingRuleSchema, "RoutingRuleList");
export const deletedRoutingRuleSchema = deletedSchema("routing_rule", "rule", "DeletedRoutingRule");

export const ROUTING_RULE_EXAMPLE: RoutingRuleObject = {
  id: exampleId("rule"),
  object: "routing_rule",
  name: "UK callers after hours",
  priority: 10,
  called_number: null,
  caller_prefix: "+44",
  schedule: { time_zone: "Europe/London", days: ["mon", "tue", "wed", "thu", "fri"], start: "18:00", end: "09:00" },
  action: "forward",
  target: "+442079460000",
  created_at: "2026-11-30T09:00:00.000Z",
  updated_at: "2026-11-30T09:00:00.000Z",
};
