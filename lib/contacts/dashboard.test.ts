import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rejection } from "@/lib/errors/expect-rejection";
import { newId } from "@/lib/ids/new-id";
import { createContact, upsertContact } from "./contacts";
import { CONTACTS_PAGE_SIZE, contactsPageQuerySchema, searchContacts } from "./dashboard";

async function createAccount() {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  return user.id;
}

async function names(accountId: string, q: string) {
  const { contacts } = await searchContacts(accountId, { q });
  return contacts.map((contact) => contact.firstName).sort();
}

describe("searchContacts", () => {
  it("finds contacts by name words, phone (as written or in E.164) and external id, in this account only", async () => {
    const accountId = await createAccount();
    const other = await createAccount();
    await createContact(accountId, { first_name: "Ada", last_name: "Lovelace", phone: "+14155550123", external_id: "hubspot-5012" });
    await createContact(accountId, { first_name: "Grace", last_name: "Hopper", phone: "+442079460000" });
    await createContact(other, { first_name: "Ada", last_name: "Byron" });

    expect(await names(accountId, "ada love")).toEqual(["Ada"]);
    expect(await names(accountId, "LOVELACE")).toEqual(["Ada"]);
    expect(await names(accountId, "hubspot-50")).toEqual(["Ada"]);
    expect(await names(accountId, "+4420")).toEqual(["Grace"]);
    expect(await names(accountId, "(415) 555-0123")).toEqual(["Ada"]);
    expect(await names(accountId, "ada hopper")).toEqual([]);
    expect(await names(accountId, "")).toEqual(["Ada", "Grace"]);
    const grace = (await searchContacts(accountId, { q: "hopper" })).contacts[0];
    expect(await names(accountId, grace.id)).toEqual(["Grace"]);
    expect((await searchContacts(other, { q: grace.id })).contacts).toEqual([]);
  });

  it("pages newest first with a cursor that never repeats or skips", async () => {
    const accountId = await createAccount();
    for (let index = 0; index < CONTACTS_PAGE_SIZE + 2; index++) await createContact(accountId, { first_name: `Person ${index}` });

    const first = await searchContacts(accountId, {});
    expect(first.contacts).toHaveLength(CONTACTS_PAGE_SIZE);
    const second = await searchContacts(accountId, { starting_after: first.nextStartingAfter ?? undefined });
    expect(second.contacts).toHaveLength(2);
    expect(second.nextStartingAfter).toBeNull();
    const ids = [...first.contacts, ...second.contacts].map((contact) => contact.id);
    expect(new Set(ids).size).toBe(CONTACTS_PAGE_SIZE + 2);
    expect(ids).toEqual([...ids].sort().reverse());
  });
});

describe("contactsPageQuerySchema", () => {
  it("keeps a search and a contact cursor, and drops a cursor that is not a contact id", () => {
    const cursor = newId("contact");
    expect(contactsPageQuerySchema.parse({ q: " ada ", starting_after: cursor })).toEqual({ q: "ada", starting_after: cursor });
    expect(contactsPageQuerySchema.parse({ q: ["a", "b"], starting_after: "call_123", page: "2" })).toEqual({ q: undefined, starting_after: undefined });
  });
});

describe("createContact", () => {
  it("refuses an external_id another contact has instead of updating that contact, and emits contact.created", async () => {
    const accountId = await createAccount();
    const { contact } = await upsertContact(accountId, { external_id: "crm-1", first_name: "Ada" });

    const error = await rejection(createContact(accountId, { external_id: "crm-1", first_name: "Grace" }));
    expect(error).toMatchObject({ kind: "conflict", code: "external_id_taken", field: "external_id" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).firstName).toBe("Ada");

    const created = await createContact(accountId, { first_name: "Grace" });
    const events = await db.webhookEvent.findMany({ where: { accountId, type: "contact.created" } });
    expect(events.map((event) => JSON.parse(event.payload).data.id)).toContain(created.id);
  });
});
