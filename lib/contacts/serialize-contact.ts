import { storedStringMapSchema } from "@/lib/api/common-schemas";
import type { Contact } from "@/lib/generated/prisma/client";
import type { ContactObject } from "./schemas";

// Typed by the documented contact object: a field that drifts from contactSchema fails typecheck.
export function serializeContact(contact: Contact): ContactObject {
  return {
    id: contact.id,
    object: "contact" as const,
    external_id: contact.externalId,
    phone: contact.phone,
    email: contact.email,
    first_name: contact.firstName,
    last_name: contact.lastName,
    company: contact.company,
    metadata: storedStringMapSchema.parse(contact.metadata),
    created_at: contact.createdAt.toISOString(),
    updated_at: contact.updatedAt.toISOString(),
  };
}
