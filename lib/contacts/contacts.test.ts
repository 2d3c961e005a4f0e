import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids/new-id";
import { deleteContact, getContact, listContacts, updateContact, upsertContact } from "./contacts";
import { serializeContact } from "./serialize-contact";
import { rejection } from "@/lib/errors/expect-rejection";

async function createAccount() {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  return user.id;
}

const ADA = {
  external_id: "crm-1",
  phone: "+14155550123",
  email: "ada@example.com",
  first_name: "Ada",
  last_name: "Lovelace",
  company: "Analytical Engines",
  metadata: { plan: "gold" },
};

describe("upsertContact", () => {
  it("creates a contact and serializes it in snake_case", async () => {
    const accountId = await createAccount();
    const { contact, created } = await upsertContact(accountId, ADA);

    expect(created).toBe(true);
    expect(contact.id).toMatch(/^contact_[0-9a-z]{25}$/);
    expect(serializeContact(contact)).toEqual({
      id: contact.id,
      object: "contact",
      ...ADA,
      created_at: contact.createdAt.toISOString(),
      updated_at: contact.updatedAt.toISOString(),
    });
  });

  it("updates the contact with the same external_id, keeping fields left out", async () => {
    const accountId = await createAccount();
    const first = await upsertContact(accountId, ADA);
    const second = await upsertContact(accountId, { external_id: "crm-1", company: "Babbage & Co", email: null, metadata: { plan: "silver" } });

    expect(second.created).toBe(false);
    expect(second.contact.id).toBe(first.contact.id);
    expect(serializeContact(second.contact)).toMatchObject({ ...ADA, company: "Babbage & Co", email: null, metadata: { plan: "silver" } });
    expect(await db.contact.count({ where: { accountId: accountId } })).toBe(1);
  });

  it("always creates without an external_id", async () => {
    const accountId = await createAccount();
    const { external_id: _, ...withoutExternalId } = ADA;
    const first = await upsertContact(accountId, withoutExternalId);
    const second = await upsertContact(accountId, withoutExternalId);

    expect([first.created, second.created]).toEqual([true, true]);
    expect(first.contact.id).not.toBe(second.contact.id);
  });

  it("creates exactly one contact from concurrent identical requests", async () => {
    const accountId = await createAccount();
    const results = await Promise.all(Array.from({ length: 8 }, () => upsertContact(accountId, ADA)));

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.contact.id)).size).toBe(1);
    expect(await db.contact.count({ where: { accountId: accountId } })).toBe(1);
  });

  it("keeps external_ids apart per account", async () => {
    const first = await createAccount();
    const second = await createAccount();
    const mine = await upsertContact(first, ADA);
    const theirs = await upsertContact(second, { ...ADA, first_name: "Grace" });

    expect(theirs.created).toBe(true);
    expect(theirs.contact.id).not.toBe(mine.contact.id);
    expect((await getContact(first, mine.contact.id)).firstName).toBe("Ada");
  });
});

describe("listContacts", () => {
  it("pages newest first without repeats and shows only the account's contacts", async () => {
    const accountId = await createAccount();
    const other = await createAccount();
    await upsertContact(other, { first_name: "Theirs" });
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await upsertContact(accountId, { first_name: `Contact ${i}` })).contact);

    const seen: string[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const rows = await listContacts(accountId, { limit: 2, starting_after: startingAfter });
      const page = rows.slice(0, 2);
      seen.push(...page.map((contact) => contact.id));
      if (rows.length <= 2) break;
      startingAfter = page[page.length - 1].id;
    }
    // Ids sort by creation time to the millisecond; contacts made within one millisecond may come in any order.
    expect(seen).toEqual([...seen].sort().reverse());
    expect(new Set(seen)).toEqual(new Set(created.map((contact) => contact.id)));
    expect(seen).toHaveLength(5);
  });

  it("filters by phone and by external_id", async () => {
    const accountId = await createAccount();
    const other = await createAccount();
    await upsertContact(other, ADA);
    const ada = (await upsertContact(accountId, ADA)).contact;
    const grace = (await upsertContact(accountId, { external_id: "crm-2", phone: "+14155550199", first_name: "Grace" })).contact;

    expect((await listContacts(accountId, { limit: 10, phone: "+14155550123" })).map((c) => c.id)).toEqual([ada.id]);
    expect((await listContacts(accountId, { limit: 10, external_id: "crm-2" })).map((c) => c.id)).toEqual([grace.id]);
    expect(await listContacts(accountId, { limit: 10, phone: "+14155550123", external_id: "crm-2" })).toEqual([]);
  });
});

describe("getContact", () => {
  it("answers not_found for another account's contact as for a missing one", async () => {
    const owner = await createAccount();
    const intruder = await createAccount();
    const { contact } = await upsertContact(owner, ADA);

    const foreign = await rejection(getContact(intruder, contact.id));
    const missing = await rejection(getContact(owner, newId("contact")));
    expect([foreign.kind, foreign.code, foreign.field]).toEqual(["not_found", "resource_missing", "id"]);
    expect([missing.kind, missing.code]).toEqual(["not_found", "resource_missing"]);
  });
});

describe("updateContact", () => {
  it("changes only the fields given, clears nulls and replaces metadata", async () => {
    const accountId = await createAccount();
    const { contact } = await upsertContact(accountId, ADA);

    const updated = await updateContact(accountId, contact.id, { company: null, metadata: { tier: "1" } });
    expect(serializeContact(updated)).toMatchObject({ ...ADA, company: null, metadata: { tier: "1" } });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(contact.updatedAt.getTime());
  });

  it("refuses an external_id another contact has, with a conflict naming external_id", async () => {
    const accountId = await createAccount();
    await upsertContact(accountId, ADA);
    const { contact: grace } = await upsertContact(accountId, { external_id: "crm-2" });

    const error = await rejection(updateContact(accountId, grace.id, { external_id: "crm-1" }));
    expect([error.kind, error.code, error.field]).toEqual(["conflict", "external_id_taken", "external_id"]);
    expect((await getContact(accountId, grace.id)).externalId).toBe("crm-2");
  });

  // An empty patch wrote no columns, so the update counted no rows and answered not_found.
  it("answers an empty patch with the contact as it is, not a 404", async () => {
    const accountId = await createAccount();
    const { contact } = await upsertContact(accountId, ADA);

    expect(serializeContact(await updateContact(accountId, contact.id, {}))).toMatchObject(ADA);
  });

  it("leaves another account's contact untouched and answers not_found", async () => {
    const owner = await createAccount();
    const intruder = await createAccount();
    const { contact } = await upsertContact(owner, ADA);

    expect((await rejection(updateContact(intruder, contact.id, {}))).kind).toBe("not_found");
    expect((await rejection(updateContact(intruder, contact.id, { first_name: "Mallory" }))).kind).toBe("not_found");
    expect(await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toEqual(contact);
  });
});

describe("deleteContact", () => {
  it("deletes the account's contact once, and never another account's", async () => {
    const owner = await createAccount();
    const intruder = await createAccount();
    const { contact } = await upsertContact(owner, ADA);

    expect((await rejection(deleteContact(intruder, contact.id))).kind).toBe("not_found");
    expect(await db.contact.count({ where: { id: contact.id } })).toBe(1);

    await deleteContact(owner, contact.id);
    expect(await db.contact.count({ where: { id: contact.id } })).toBe(0);
    expect((await rejection(deleteContact(owner, contact.id))).kind).toBe("not_found");
  });

  it("frees the external_id for a new contact", async () => {
    const accountId = await createAccount();
    const { contact } = await upsertContact(accountId, ADA);
    await deleteContact(accountId, contact.id);

    const again = await upsertContact(accountId, ADA);
    expect(again.created).toBe(true);
    expect(again.contact.id).not.toBe(contact.id);
  });
});
