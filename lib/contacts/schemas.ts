import { z } from "zod";
import { e164Schema, stringMapSchema } from "@/lib/api/common-schemas";
import { listQuerySchema } from "@/lib/api/pagination";

const externalIdSchema = z
  .string({ error: "must be a string." })
  .min(1, "cannot be empty.")
  .max(255, "can be at most 255 characters.")
  .meta({ description: "Your CRM's id for this contact. Unique in the account: a POST with a known external_id updates that contact.", example: "hubspot-5012" });

function text(max: number, description: string) {
  return z
    .string({ error: "must be a string." })
    .trim()
    .min(1, "cannot be empty; send null to clear it.")
    .max(max, `can be at most ${max} characters.`)
    .meta({ description });
}

// Every field optional; null clears a stored value.
const contactFields = {
  external_id: externalIdSchema.nullable().optional(),
  phone: e164Schema.nullable().optional(),
  email: z
    .email({ error: "must be an email address, like ada@example.com." })
    .max(254, "can be at most 254 characters.")
    .nullable()
    .optional()
    .meta({ description: "Email address." }),
  first_name: text(100, "First name.").nullable().optional(),
  last_name: text(100, "Last name.").nullable().optional(),
  company: text(200, "Company name.").nullable().optional(),
  metadata: stringMapSchema("Your own data. Replaces the stored map as a whole.").optional(),
};

export const createContactSchema = z.strictObject(contactFields).meta({ id: "CreateContact" });
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const updateContactSchema = z.strictObject(contactFields).meta({ id: "UpdateContact" });
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

export const listContactsQuerySchema = listQuerySchema("contact")
  .extend({
    phone: e164Schema.optional().meta({ description: "Only contacts with this phone number (E.164)." }),
    external_id: externalIdSchema.optional().meta({ description: "Only the contact with this external_id." }),
  })
  .meta({ id: "ListContactsQuery" });
