import { toList } from "@/lib/api/pagination";
import { withApiKey } from "@/lib/api/with-api-key";
import { listContacts, upsertContact } from "@/lib/contacts/contacts";
import { listContactsOperation, upsertContactOperation } from "@/lib/contacts/operations";
import { serializeContact } from "@/lib/contacts/serialize-contact";

// POST /api/v1/contacts: create a contact, or update the one with this external_id.
export const POST = withApiKey(upsertContactOperation, async ({ accountId, body }) => {
  const { contact, created } = await upsertContact(accountId, body);
  return Response.json(serializeContact(contact), { status: created ? 201 : 200 });
});

// GET /api/v1/contacts: the account's contacts, newest first, optionally by phone or external_id.
export const GET = withApiKey(listContactsOperation, async ({ accountId, query }) =>
  Response.json(toList(await listContacts(accountId, query), query.limit, serializeContact)),
);
