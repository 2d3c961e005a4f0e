import { defineOperation, response } from "@/lib/api/operation";
import { toList } from "@/lib/api/pagination";
import { deletedAnswer, listExample } from "@/lib/api/response-schemas";
import { deleteContact, getContact, listContacts, updateContact, upsertContact } from "./contacts";
import {
  CONTACT_EXAMPLE,
  contactListSchema,
  contactSchema,
  createContactSchema,
  deletedContactSchema,
  listContactsQuerySchema,
  updateContactSchema,
} from "./schemas";
import { serializeContact } from "./serialize-contact";

const contactResponse = (description: string) => response({ description, schema: contactSchema, example: CONTACT_EXAMPLE });

export const upsertContactOperation = defineOperation({
  method: "POST",
  path: "/api/v1/contacts",
  operationId: "upsertContact",
  tag: "Contacts",
  summary: "Create or update a contact",
  description:
    "For CRM sync. With an external_id that a contact of this account already has, that contact is updated (200): the fields sent replace the stored ones, fields left out are kept. Otherwise a contact is created (201). Concurrent identical requests never create duplicates.",
  permission: "contacts:write",
  body: createContactSchema,
  responses: {
    200: contactResponse("An existing contact with this external_id, updated."),
    201: contactResponse("The contact, created."),
  },
  example: { external_id: "hubspot-5012", phone: "+14155550123", first_name: "Ada", last_name: "Lovelace", company: "Analytical Engines", metadata: { plan: "gold" } },
  handler: async ({ accountId, body }) => {
    const { contact, created } = await upsertContact(accountId, body);
    return created ? { status: 201, body: serializeContact(contact) } : { status: 200, body: serializeContact(contact) };
  },
});

export const listContactsOperation = defineOperation({
  method: "GET",
  path: "/api/v1/contacts",
  operationId: "listContacts",
  tag: "Contacts",
  summary: "List contacts",
  description: "Newest first. Filter by phone or external_id to find a contact from your CRM.",
  permission: "contacts:read",
  query: listContactsQuerySchema,
  responses: { 200: response({ description: "A list of contacts.", schema: contactListSchema, example: listExample(CONTACT_EXAMPLE) }) },
  handler: async ({ accountId, query }) => ({ status: 200, body: toList(await listContacts(accountId, query), query.limit, serializeContact) }),
});

export const getContactOperation = defineOperation({
  method: "GET",
  path: "/api/v1/contacts/{id}",
  operationId: "getContact",
  tag: "Contacts",
  summary: "Retrieve a contact",
  permission: "contacts:read",
  idPrefix: "contact",
  responses: { 200: contactResponse("The contact.") },
  handler: async ({ accountId, params }) => ({ status: 200, body: serializeContact(await getContact(accountId, params.id)) }),
});

export const updateContactOperation = defineOperation({
  method: "PATCH",
  path: "/api/v1/contacts/{id}",
  operationId: "updateContact",
  tag: "Contacts",
  summary: "Update a contact",
  description: "Changes only the fields sent; null clears a field. metadata, when sent, replaces the stored map. An external_id another contact has is a 409.",
  permission: "contacts:write",
  idPrefix: "contact",
  body: updateContactSchema,
  responses: { 200: contactResponse("The updated contact.") },
  example: { company: "Analytical Engines Ltd", email: null },
  handler: async ({ accountId, params, body }) => ({ status: 200, body: serializeContact(await updateContact(accountId, params.id, body)) }),
});

export const deleteContactOperation = defineOperation({
  method: "DELETE",
  path: "/api/v1/contacts/{id}",
  operationId: "deleteContact",
  tag: "Contacts",
  summary: "Delete a contact",
  description: "Calls that named the contact keep its id.",
  permission: "contacts:write",
  idPrefix: "contact",
  responses: {
    200: response({ description: "The contact is deleted.", schema: deletedContactSchema, example: { id: CONTACT_EXAMPLE.id, object: "contact", deleted: true } }),
  },
  handler: async ({ accountId, params }) => {
    await deleteContact(accountId, params.id);
    return { status: 200, body: deletedAnswer("contact", params.id) };
  },
});

// This feature's endpoints, in the order the reference presents them.
export const contactOperations = [upsertContactOperation, listContactsOperation, getContactOperation, updateContactOperation, deleteContactOperation] as const;
