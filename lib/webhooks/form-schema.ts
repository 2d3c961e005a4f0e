import { z } from "zod";
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from "./event-types";

type EventChoice = typeof ALL_EVENTS | (typeof WEBHOOK_EVENT_TYPES)[number];

const formFields = z.object({
  endpointId: z.string().min(1).max(64).optional(),
  url: z.string().trim().min(1, "Enter the URL that should receive events.").max(2048, "URLs can be at most 2048 characters."),
  description: z.string().trim().max(200, "Descriptions can be at most 200 characters.").optional(),
  scope: z.enum(["all", "selected"]).default("all"),
  ...Object.fromEntries(WEBHOOK_EVENT_TYPES.map((type) => [`event:${type}`, z.literal("on").optional()])),
});

// The dashboard form: "All events", or a chosen list of checkboxes (one form field per event).
export const endpointFormSchema = formFields.transform((form, context) => {
  const checked = form as Record<string, unknown>;
  const chosen = WEBHOOK_EVENT_TYPES.filter((type) => checked[`event:${type}`] === "on");
  if (form.scope === "selected" && chosen.length === 0) {
    context.addIssue({ code: "custom", message: "Choose at least one event.", path: ["events"] });
    return z.NEVER;
  }
  const events: EventChoice[] = form.scope === "all" ? [ALL_EVENTS] : chosen;
  return { endpointId: form.endpointId, url: form.url, description: form.description, events };
});
