import type { z } from "zod";
import { pageWhere } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { Prisma, type Contact } from "@/lib/generated/prisma/client";
import { aboutField, ConflictError, NotFoundError } from "@/lib/errors/domain-errors";
import { newId } from "@/lib/ids/new-id";
import { emitWebhookEvent } from "@/lib/webhooks/outbox";
import type { CreateContactInput, listContactsQuerySchema, UpdateContactInput } from "./schemas";
import { serializeContact } from "./serialize-contact";

// A delete racing an upsert can make one step miss; a couple of fresh attempts settle it.
const UPSERT_ATTEMPTS = 3;

const notFound = (id: string) => NotFoundError.of("contact", id);

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function isMissingRow(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}

// Fields left out stay as they are (Prisma skips undefined); null clears one.
function columnsOf(input: UpdateContactInput) {
  return {
    externalId: input.external_id,
    phone: input.phone,
    email: input.email,
    firstName: input.first_name,
    lastName: input.last_name,
    company: input.company,
    metadata: input.metadata,
  };
}

async function insertContact(tx: Prisma.TransactionClient, accountId: string, input: CreateContactInput): Promise<Contact> {
  const createdAt = new Date();
  const contact = await tx.contact.create({ data: { id: newId("contact", createdAt.getTime()), accountId: accountId, createdAt, ...columnsOf(input) } });
  await emitWebhookEvent(tx, accountId, "contact.created", serializeContact(contact));
  return contact;
}

// With an external_id, the contact that has it is updated (created: false) or a new one created.
// Concurrent identical POSTs race to create; the unique (accountId, externalId) index lets exactly one
// win and the others retry as an update, so a CRM sync never makes duplicates. Each attempt is its
// own transaction: PostgreSQL aborts a transaction at its first failed statement.
export async function upsertContact(accountId: string, input: CreateContactInput): Promise<{ contact: Contact; created: boolean }> {
  const externalId = input.external_id;
  if (!externalId) return { contact: await db.$transaction((tx) => insertContact(tx, accountId, input)), created: true };
  const byExternalId = { accountId_externalId: { accountId: accountId, externalId } };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (!(await tx.contact.findUnique({ where: byExternalId, select: { id: true } }))) {
          return { contact: await insertContact(tx, accountId, input), created: true };
        }
        const contact = await tx.contact.update({ where: byExternalId, data: columnsOf(input) });
        await emitWebhookEvent(tx, accountId, "contact.updated", serializeContact(contact));
        return { contact, created: false };
      });
    } catch (error) {
      if (attempt >= UPSERT_ATTEMPTS || !(isUniqueViolation(error) || isMissingRow(error))) throw error;
    }
  }
}

const externalIdTaken = (externalId: string | null | undefined) =>
  new ConflictError("external_id_taken", aboutField("external_id", `another contact in this account already has "${externalId}".`));

// Always a new contact: the dashboard's "New contact" must not quietly rewrite the contact that
// already has this external_id, as the API's upsert (made for CRM sync) does.
export async function createContact(accountId: string, input: CreateContactInput): Promise<Contact> {
  try {
    return await db.$transaction((tx) => insertContact(tx, accountId, input));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw externalIdTaken(input.external_id);
  }
}

export async function listContacts(accountId: string, query: z.infer<typeof listContactsQuerySchema>): Promise<Contact[]> {
  return db.contact.findMany({
    where: { accountId: accountId, phone: query.phone, externalId: query.external_id, ...pageWhere(query.starting_after) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
}

// Another account's contact is indistinguishable from a missing one.
export async function getContact(accountId: string, id: string): Promise<Contact> {
  const contact = await db.contact.findFirst({ where: { id, accountId: accountId } });
  if (!contact) throw notFound(id);
  return contact;
}

export async function updateContact(accountId: string, id: string, input: UpdateContactInput): Promise<Contact> {
  try {
    return await db.$transaction(async (tx) => {
      // updatedAt always changes, so an empty patch still counts the row and is not a 404.
      const { count } = await tx.contact.updateMany({ where: { id, accountId: accountId }, data: { ...columnsOf(input), updatedAt: new Date() } });
      if (count === 0) throw notFound(id);
      const contact = await tx.contact.findUniqueOrThrow({ where: { id } });
      await emitWebhookEvent(tx, accountId, "contact.updated", serializeContact(contact));
      return contact;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw externalIdTaken(input.external_id);
  }
}

export async function deleteContact(accountId: string, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const contact = await tx.contact.findFirst({ where: { id, accountId: accountId } });
    if (!contact) throw notFound(id);
    await tx.contact.delete({ where: { id } });
    await emitWebhookEvent(tx, accountId, "contact.deleted", { ...serializeContact(contact), deleted: true });
  });
}
