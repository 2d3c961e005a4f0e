import { z } from "zod";
import { e164Schema, PHONE_FORMS, stringMapSchema } from "@/lib/api/common-schemas";
import { listQuerySchema } from "@/lib/api/pagination";
import { deletedSchema, exampleId, idSchema, listSchema, timestampSchema } from "@/lib/api/response-schemas";

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
    phone: e164Schema.optional().meta({ description: `Only contacts with this phone number: ${PHONE_FORMS}.` }),
    external_id: externalIdSchema.optional().meta({ description: "Only the contact with this external_id." }),
  })
  .meta({ id: "ListContactsQuery" });

// The contact object the API answers with.
export const contactSchema = z
  .object({
    id: idSchema("contact", "The contact's id."),
    object: z.literal("contact"),
    external_id: z.string().nullable().meta({ description: "Your CRM's id for this contact." }),
    phone: z.string().nullable().meta({ description: "Phone number in E.164 format." }),
    email: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    company: z.string().nullable(),
    metadata: z.record(z.string(), z.string()).meta({ description: "Your own data." }),
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .meta({ id: "Contact" });

export type ContactObject = z.output<typeof contactSchema>;

export const contactListSchema = listSchema(contactSchema, "ContactList");
export const deletedContactSchema = deletedSchema("contact", "contact", "DeletedContact");

export const CONTACT_EXAMPLE: ContactObject = {
  id: exampleId("contact"),
  object: "contact",
  external_id: "hubspot-5012",
  phone: "+14155550123",
  email: "ada@example.com",
  first_name: "Ada",
  last_name: "Lovelace",
  company: "Analytical Engines",
  metadata: { plan: "gold" },
  created_at: "2026-11-30T09:00:00.000Z",
  updated_at: "2026-11-30T09:00:00.000Z",
};
