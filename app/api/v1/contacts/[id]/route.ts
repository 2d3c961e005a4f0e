import { withApiKey } from "@/lib/api/with-api-key";
import { deleteContact, getContact, updateContact } from "@/lib/contacts/contacts";
import { deleteContactOperation, getContactOperation, updateContactOperation } from "@/lib/contacts/operations";
import { serializeContact } from "@/lib/contacts/serialize-contact";

// GET /api/v1/contacts/{id}: one contact.
export const GET = withApiKey(getContactOperation, async ({ accountId, params }) =>
  Response.json(serializeContact(await getContact(accountId, params.id))),
);

// PATCH /api/v1/contacts/{id}: change some fields of a contact.
export const PATCH = withApiKey(updateContactOperation, async ({ accountId, params, body }) =>
  Response.json(serializeContact(await updateContact(accountId, params.id, body))),
);

// DELETE /api/v1/contacts/{id}: remove a contact.
export const DELETE = withApiKey(deleteContactOperation, async ({ accountId, params }) => {
  await deleteContact(accountId, params.id);
  return Response.json({ id: params.id, object: "contact", deleted: true });
});
