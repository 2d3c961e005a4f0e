import { z } from "zod";
import { tolerantInput } from "@/lib/api/tolerant-input";
import { idPattern } from "@/lib/ids/new-id";
import { WEEKDAYS, isTimeZone } from "./schedule";
import { createRoutingRuleSchema, inboundCallSchema, updateRoutingRuleSchema } from "./schemas";
import { localDateTimeSchema } from "./wall-clock";

// The dashboard's rule and tester forms, read into the API's input and validated by the API's own
// schemas (with its phone normalization, tolerant-input.ts), so both accept exactly the same rules.

export const ruleIdSchema = z.string().regex(idPattern("rule"), "is not a routing rule id.");

const TEXT_FIELDS = ["name", "called_number", "caller_prefix", "action", "target"] as const;

function fieldsOf(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function text(fields: Record<string, unknown>, name: string): string {
  return typeof fields[name] === "string" ? fields[name].trim() : "";
}

// Days are checkboxes named day_mon, day_tue…; the schedule is sent only when its box is ticked.
// A blank field is not sent when creating and cleared (null) when editing.
function ruleInput(schema: z.core.$ZodType, value: unknown, blank: null | undefined): Record<string, unknown> {
  const fields = fieldsOf(value);
  const input: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) {
    const entry = text(fields, name);
    if (entry !== "" || blank === null) input[name] = entry === "" ? blank : entry;
  }
  if (fields.schedule_enabled === "on") {
    input.schedule = {
      time_zone: text(fields, "time_zone"),
      days: WEEKDAYS.filter((day) => fields[`day_${day}`] === "on"),
      start: text(fields, "start"),
      end: text(fields, "end"),
    };
  } else if (blank === null) {
    input.schedule = null;
  }
  return tolerantInput(schema, input, "form") as Record<string, unknown>;
}

// Priority is not on the form: a new rule goes last and the list's arrows reorder.
export const ruleFormSchema = z.preprocess((value) => ruleInput(createRoutingRuleSchema, value, undefined), createRoutingRuleSchema);

export const ruleEditFormSchema = z.preprocess(
  (value) => ({ ...ruleInput(updateRoutingRuleSchema, value, null), rule_id: fieldsOf(value).rule_id }),
  updateRoutingRuleSchema.extend({ rule_id: ruleIdSchema }),
);

export const moveRuleFormSchema = z.object({ rule_id: ruleIdSchema, direction: z.enum(["up", "down"]) });

export const routingTestFormSchema = z.preprocess(
  (value) => {
    const fields = fieldsOf(value);
    const call = tolerantInput(inboundCallSchema, { from: text(fields, "from"), to: text(fields, "to") }, "form") as Record<string, unknown>;
    return { ...call, at: text(fields, "at"), time_zone: text(fields, "time_zone") };
  },
  inboundCallSchema.extend({
    at: localDateTimeSchema,
    time_zone: z.string().refine(isTimeZone, "must be an IANA time zone name, like Europe/London."),
  }),
);
