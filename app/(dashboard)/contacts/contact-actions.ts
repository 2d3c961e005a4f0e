"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedActionWithUser } from "@/lib/actions/validated-action";
import { createContact, deleteContact, updateContact } from "@/lib/contacts/contacts";
import { contactEditFormSchema, contactFormSchema, contactIdSchema } from "@/lib/contacts/form-input";

const CONTACTS_PATH = "/contacts";

// The same lib functions as the API, so contact.created / .updated / .deleted webhooks fire alike.
export const createContactAction = validatedActionWithUser(contactFormSchema, async (input, user) => {
  await createContact(user.id, input);
  revalidatePath(CONTACTS_PATH);
  return { data: true };
});

export const updateContactAction = validatedActionWithUser(contactEditFormSchema, async ({ contact_id, ...input }, user) => {
  await updateContact(user.id, contact_id, input);
  revalidatePath(CONTACTS_PATH);
  return { data: true };
});

export const deleteContactAction = validatedActionWithUser(z.object({ contact_id: contactIdSchema }), async ({ contact_id }, user) => {
  await deleteContact(user.id, contact_id);
  revalidatePath(CONTACTS_PATH);
  return { data: true };
});
