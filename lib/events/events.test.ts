import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { toList } from "@/lib/api/pagination";
import { parseInput } from "@/lib/api/request-input";
import { storePermissions, type StoredPermissions } from "@/lib/api-keys/permissions";
import { upsertContact } from "@/lib/contacts/contacts";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-errors";
import { newId } from "@/lib/ids/new-id";
import { EVENT_DATA_EXAMPLES, EVENT_SCHEMAS, type EventObject } from "@/lib/webhooks/event-payloads";
import type { WebhookEventType } from "@/lib/webhooks/event-types";
import { emitWebhookEvent } from "@/lib/webhooks/outbox";
import { getEvent, listEvents } from "./events";
import { listEventsQuerySchema, type ListEventsQuery } from "./schemas";
import { serializeEventForKey } from "./serialize-event";
import { rejection } from "@/lib/errors/expect-rejection";

const FULL: StoredPermissions = { access: "full", scopes: null };
const CONTACTS_ONLY = storePermissions({ access: "restricted", contacts: "read" });
const CALLS_ONLY = storePermissions({ access: "restricted", calls: "read" });

async function createAccount() {
  return (await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } })).id;
}

// An event stored as emitWebhookEvent stores it, at a chosen time (its id carries that time too).
async function storeEventAt(accountId: string, type: WebhookEventType, at: Date, data: unknown = EVENT_DATA_EXAMPLES[type]) {
  const id = newId("evt", at.getTime());
  const payload = JSON.stringify({ id, object: "event", type, created_at: at.toISOString(), data });
  await db.webhookEvent.create({ data: { id, accountId, type, payload, createdAt: at } });
  return id;
}

const query = (raw: Record<string, string> = {}): ListEventsQuery => parseInput(listEventsQuerySchema, raw);

async function page(accountId: string, apiKey: StoredPermissions, raw: Record<string, string> = {}) {
  const parsed = query(raw);
  return toList(await listEvents(accountId, apiKey, parsed), parsed.limit, (event) => serializeEventForKey(event, apiKey));
}

const ids = (list: { data: { id: string }[] }) => list.data.map((event) => event.id);

describe("listEvents", () => {
  it("lists an event no endpoint subscribes to, exactly as it would be delivered", async () => {
    const accountId = await createAccount();
    const { contact } = await upsertContact(accountId, { external_id: "crm-1", first_name: "Ada" });
    const list = await page(accountId, FULL);
    expect(list.data.map((event) => [event.type, event.data])).toEqual([["contact.created", expect.objectContaining({ id: contact.id, first_name: "Ada" })]]);
    const [event] = list.data;
    expect(EVENT_SCHEMAS["contact.created"].parse(event)).toEqual(event);
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(JSON.parse(stored.payload)).toEqual(event);
  });

  it("pages newest first with starting_after and ending_before, has_more telling whether more follow", async () => {
    const accountId = await createAccount();
    const start = Date.UTC(2026, 10, 30, 9, 0, 0);
    const stored: string[] = [];
    for (let i = 0; i < 5; i++) stored.push(await storeEventAt(accountId, "contact.updated", new Date(start + i * 1000)));
    const newestFirst = stored.toReversed();

    const first = await page(accountId, FULL, { limit: "2" });
    expect(ids(first)).toEqual(newestFirst.slice(0, 2));
    expect(first.has_more).toBe(true);
    const second = await page(accountId, FULL, { limit: "2", starting_after: first.data[1].id });
    expect(ids(second)).toEqual(newestFirst.slice(2, 4));
    const last = await page(accountId, FULL, { limit: "2", starting_after: second.data[1].id });
    expect(ids(last)).toEqual(newestFirst.slice(4));
    expect(last.has_more).toBe(false);

    // Catching up from the oldest: the page just newer than it, newest first, then the rest.
    const newer = await page(accountId, FULL, { limit: "2", ending_before: stored[0] });
    expect(ids(newer)).toEqual([stored[2], stored[1]]);
    expect(newer.has_more).toBe(true);
    const newest = await page(accountId, FULL, { limit: "2", ending_before: stored[2] });
    expect(ids(newest)).toEqual([stored[4], stored[3]]);
    expect(newest.has_more).toBe(false);
    expect((await page(accountId, FULL, { ending_before: stored[4] })).data).toEqual([]);
  });

  it("filters by one or several types and by creation time", async () => {
    const accountId = await createAccount();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 9, minute));
    const queued = await storeEventAt(accountId, "call.queued", at(0));
    const created = await storeEventAt(accountId, "contact.created", at(1));
    const completed = await storeEventAt(accountId, "call.completed", at(2));
    const updated = await storeEventAt(accountId, "contact.updated", at(3));

    expect(ids(await page(accountId, FULL, { type: "call.completed" }))).toEqual([completed]);
    expect(ids(await page(accountId, FULL, { type: "call.queued, contact.updated" }))).toEqual([updated, queued]);
    expect(ids(await page(accountId, FULL, { "created[gte]": at(1).toISOString() }))).toEqual([updated, completed, created]);
    expect(ids(await page(accountId, FULL, { "created[lt]": at(2).toISOString() }))).toEqual([created, queued]);
    expect(ids(await page(accountId, FULL, { "created[gte]": "2026-11-30T10:01:00+01:00", "created[lt]": "2026-11-30T09:03:00Z" }))).toEqual([completed, created]);
    expect(ids(await page(accountId, FULL, { "created[gte]": "2026-11-30" }))).toHaveLength(4);
    expect(ids(await page(accountId, FULL, { "created[gte]": "2026-12-01" }))).toEqual([]);
    expect(ids(await page(accountId, FULL, { type: "contact.created,contact.updated", "created[lt]": at(3).toISOString() }))).toEqual([created]);
  });

  it("shows a key only the events whose resource it may read, and keeps pages full", async () => {
    const accountId = await createAccount();
    const start = Date.UTC(2026, 10, 30, 9, 0, 0);
    const contactEvents: string[] = [];
    for (let i = 0; i < 6; i++) {
      await storeEventAt(accountId, "call.completed", new Date(start + i * 2000));
      contactEvents.push(await storeEventAt(accountId, "contact.updated", new Date(start + i * 2000 + 1000)));
    }
    const apiKeyEvent = await storeEventAt(accountId, "api_key.created", new Date(start + 20_000));

    const first = await page(accountId, CONTACTS_ONLY, { limit: "4" });
    expect(ids(first)).toEqual(contactEvents.toReversed().slice(0, 4));
    expect(first.has_more).toBe(true);
    const rest = await page(accountId, CONTACTS_ONLY, { limit: "4", starting_after: first.data[3].id });
    expect(ids(rest)).toEqual(contactEvents.toReversed().slice(4));
    expect(rest.has_more).toBe(false);
    expect(await page(accountId, CONTACTS_ONLY, { type: "call.completed" })).toEqual({ object: "list", data: [], has_more: false });
    expect((await page(accountId, CALLS_ONLY)).data.map((event) => event.type)).toEqual(Array(6).fill("call.completed"));
    expect(ids(await page(accountId, FULL, { limit: "1" }))).toEqual([apiKeyEvent]);
    expect((await page(accountId, storePermissions({ access: "read" }), { limit: "1" })).data[0].id).toBe(apiKeyEvent);
  });

  it("never shows another account's events", async () => {
    const mine = await createAccount();
    const theirs = await createAccount();
    await db.$transaction((tx) => emitWebhookEvent(tx, theirs, "contact.created", EVENT_DATA_EXAMPLES["contact.created"]));
    expect((await page(mine, FULL)).data).toEqual([]);
  });
});

describe("getEvent", () => {
  it("finds the account's event and answers not_found for another account's, a forbidden or a missing one", async () => {
    const accountId = await createAccount();
    const other = await createAccount();
    const { eventId } = await db.$transaction((tx) => emitWebhookEvent(tx, accountId, "call.completed", EVENT_DATA_EXAMPLES["call.completed"]));
    const event = serializeEventForKey(await getEvent(accountId, FULL, eventId), FULL);
    expect(event).toMatchObject({ id: eventId, object: "event", type: "call.completed", data: EVENT_DATA_EXAMPLES["call.completed"] });

    for (const [account, apiKey, id] of [
      [other, FULL, eventId],
      [accountId, CONTACTS_ONLY, eventId],
      [accountId, FULL, newId("evt")],
    ] as const) {
      const error = await rejection(getEvent(account, apiKey, id));
      expect(error.kind).toBe("not_found");
      expect(error.message).toBe(`No event "${id}" in this account.`);
    }
  });

  it("hides an inbound call's routing decision from a key without Routing: Read, as GET /calls does", async () => {
    const accountId = await createAccount();
    const inbound = EVENT_DATA_EXAMPLES["inbound_call.routed"];
    const id = await storeEventAt(accountId, "call.completed", new Date(), { ...inbound, status: "completed" });
    const asCalls = serializeEventForKey(await getEvent(accountId, CALLS_ONLY, id), CALLS_ONLY) as EventObject<"call.completed">;
    expect(asCalls.data).toMatchObject({ direction: "inbound", agent: null, routing: null });
    const asFull = serializeEventForKey(await getEvent(accountId, FULL, id), FULL) as EventObject<"call.completed">;
    expect(asFull.data.routing).toEqual(inbound.routing);
  });
});

describe("the list query", () => {
  const problem = (raw: Record<string, string>) => {
    try {
      query(raw);
    } catch (error) {
      return { field: (error as DomainError).field, message: (error as DomainError).message };
    }
    return null;
  };

  it("names the parameter at fault", () => {
    expect(problem({ type: "call.done" })).toMatchObject({ field: "type", message: expect.stringContaining("call.completed") });
    expect(problem({ type: "call.completed," })?.field).toBe("type");
    expect(problem({ "created[gte]": "yesterday" })).toMatchObject({ field: "created[gte]", message: expect.stringContaining("ISO 8601") });
    expect(problem({ "created[lt]": "2026-13-01" })?.field).toBe("created[lt]");
    expect(problem({ ending_before: "call_mi4q7x2a0k3v9d2r8s1f6h5j0" })?.field).toBe("ending_before");
    expect(problem({ starting_after: newId("evt"), ending_before: newId("evt") })?.field).toBe("ending_before");
    expect(problem({ created: "2026-11-30" })?.field).toBe("created");
    expect(problem({ type: "call.completed,contact.created", "created[gte]": "2026-11-30T09:00:00.000Z" })).toBeNull();
  });
});
