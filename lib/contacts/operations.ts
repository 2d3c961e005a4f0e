import { defineOperation } from "@/lib/api/operation";
import { createContactSchema, listContactsQuerySchema, updateContactSchema } from "./schemas";

export const upsertContactOperation = defineOperation({
  method: "POST",
  path: "/api/v1/contacts",
  tag: "Contacts",
  summary: "Create or update a contact",
  description:
    "For CRM sync. With an external_id that a contact of this account already has, that contact is updated (200): the fields sent replace the stored ones, fields left out are kept. Otherwise a contact is created (201). Concurrent identical requests never create duplicates.",
  permission: "contacts:write",
  body: createContactSchema,
  success: { status: 201, description: "The contact: 201 when created, 200 when an existing contact with this external_id was updated." },
  example: { external_id: "hubspot-5012", phone: "+14155550123", first_name: "Ada", last_name: "Lovelace", company: "Analytical Engines", metadata: { plan: "gold" } },
});

export const listContactsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/contacts",
  tag: "Contacts",
  summary: "List contacts",
  description: "Newest first. Filter by phone or external_id to find a contact from your CRM.",
  permission: "contacts:read",
  query: listContactsQuerySchema,
  success: { status: 200, description: "A list of contacts." },
});

export const getContactOperation = defineOperation({
  method: "GET",
  path: "/api/v1/contacts/{id}",
  tag: "Contacts",
  summary: "Retrieve a contact",
  permission: "contacts:read",
  idPrefix: "contact",
  success: { status: 200, description: "The contact." },
});

export const updateContactOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/contacts/{id}",
  tag: "Contacts",
  summary: "Update a contact",
  description: "Changes only the fields sent; null clears a field. metadata, when sent, replaces the stored map. An external_id another contact has is a 409.",
  permission: "contacts:write",
  idPrefix: "contact",
  body: updateContactSchema,
  success: { status: 200, description: "The updated contact." },
  example: { company: "Analytical Engines Ltd", email: null },
});

export const deleteContactOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/contacts/{id}",
  tag: "Contacts",
  summary: "Delete a contact",
  description: "Calls that named the contact keep its id.",
  permission: "contacts:write",
  idPrefix: "contact",
  success: { status: 200, description: "{\"id\", \"object\": \"contact\", \"deleted\": true}." },
});
