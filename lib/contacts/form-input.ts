import { z } from "zod";
import { tolerantInput } from "@/lib/api/tolerant-input";
import { idPattern } from "@/lib/ids/new-id";
import { createContactSchema, updateContactSchema } from "./schemas";

// The fields the dashboard's contact form has; metadata is left to the API, so an edit keeps it.
export const CONTACT_FORM_FIELDS = ["first_name", "last_name", "phone", "email", "company", "external_id"] as const;

export const contactIdSchema = z.string().regex(idPattern("contact"), "is not a contact id.");

// The form's strings read the way the API reads a form body (tolerant-input.ts: a phone number
// written "(415) 555-0123" becomes E.164 by the same rule), then validated by the API's own schema,
// so the dashboard and the API accept and refuse exactly the same contacts. A field left blank is
// not sent when creating and cleared (null) when editing.
function formInput(schema: z.core.$ZodType, fields: unknown, blank: null | undefined): unknown {
  if (typeof fields !== "object" || fields === null) return fields;
  const values = fields as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const name of CONTACT_FORM_FIELDS) {
    if (typeof values[name] !== "string") continue;
    const value = values[name].trim();
    if (value !== "" || blank === null) input[name] = value === "" ? blank : value;
  }
  return tolerantInput(schema, input, "form");
}

export const contactFormSchema = z.preprocess((fields) => formInput(createContactSchema, fields, undefined), createContactSchema);

export const contactEditFormSchema = z.preprocess(
  (fields) => {
    const input = formInput(updateContactSchema, fields, null);
    const contactId = typeof fields === "object" && fields !== null ? (fields as Record<string, unknown>).contact_id : undefined;
    return typeof input === "object" && input !== null ? { ...input, contact_id: contactId } : input;
  },
  updateContactSchema.extend({ contact_id: contactIdSchema }),
);
