import { z } from "zod";
import { listQuerySchema } from "@/lib/api/pagination";
import { listSchema, type List } from "@/lib/api/response-schemas";
import { idPattern } from "@/lib/ids/new-id";
import { eventExample, eventSchema, type EventObject } from "@/lib/webhooks/event-payloads";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";

const TYPE_MESSAGE = `must be one or more event types separated by commas, from: ${WEBHOOK_EVENT_TYPES.join(", ")}.`;

// Several types are given comma-separated (type=call.completed,call.failed), as no-code tools
// build a query string from one field; a repeated `type=` stays refused like every repeated name.
const typeFilterSchema = z
  .string()
  .transform((value, context) => {
    const types = value.split(",").map((type) => type.trim());
    if (types.some((type) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type))) {
      context.addIssue({ code: "custom", message: TYPE_MESSAGE });
      return z.NEVER;
    }
    return [...new Set(types)] as WebhookEventType[];
  })
  .meta({ description: `Only events of these types, comma-separated (type=call.completed,call.failed). Types: ${WEBHOOK_EVENT_TYPES.join(", ")}.` });

const DATE_MESSAGE = "must be an ISO 8601 date-time like 2026-11-30T09:00:00Z, or a date like 2026-11-30.";
const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();

function createdBound(description: string) {
  return z
    .string()
    .refine((value) => dateTime.safeParse(value).success || date.safeParse(value).success, DATE_MESSAGE)
    .transform((value) => new Date(value))
    .meta({ description: `${description} An ISO 8601 date-time (2026-11-30T09:00:00Z, or with an offset) or a date (2026-11-30, midnight UTC).` });
}

export const listEventsQuerySchema = listQuerySchema("evt")
  .extend({
    ending_before: z
      .string()
      .regex(idPattern("evt"), "must be the id of an event.")
      .optional()
      .meta({ description: "An event id: the page of events just newer than it (still newest first). For catching up: pass the newest id you have." }),
    type: typeFilterSchema.optional(),
    "created[gte]": createdBound("Only events created at or after this time.").optional(),
    "created[lt]": createdBound("Only events created before this time.").optional(),
  })
  .superRefine((query, context) => {
    if (query.starting_after && query.ending_before) {
      context.addIssue({ code: "custom", path: ["ending_before"], message: "cannot be combined with starting_after: page one way at a time." });
    }
  })
  .meta({ id: "ListEventsQuery" });

export type ListEventsQuery = z.output<typeof listEventsQuerySchema>;

export { eventSchema };

export const eventListSchema = listSchema(eventSchema, "EventList");

export const EVENT_EXAMPLE = eventExample("call.completed");

export const EVENT_LIST_EXAMPLE: List<EventObject> = {
  object: "list",
  data: [EVENT_EXAMPLE, eventExample("contact.updated", "evt_mi4q7w9c0a1b2c3d4e5f6g7h8")],
  has_more: true,
};
