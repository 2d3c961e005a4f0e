import { describe, expect, it } from "vitest";
import { scopesOf, storedScopesSchema } from "@/lib/api-keys/permissions";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { missingSubscribePermissions, permissionsToSubscribe, readableEventTypes } from "./subscribe-permissions";

const restricted = (scopes: Record<string, string>) => scopesOf({ access: "restricted", scopes: storedScopesSchema.parse(scopes) });

describe("permissions to subscribe", () => {
  it("asks read permission on the resource each event shows", () => {
    expect(permissionsToSubscribe(["call.completed"])).toEqual(["calls:read"]);
    expect(permissionsToSubscribe(["contact.created", "call.queued"])).toEqual(["calls:read", "contacts:read"]);
    expect(permissionsToSubscribe(["inbound_call.routed"])).toEqual(["calls:read", "routing:read"]);
    expect(permissionsToSubscribe(["ping"])).toEqual([]);
  });

  it("asks every read permission for * and covers every event type", () => {
    const every = ["calls:read", "contacts:read", "routing:read", "webhooks:read"];
    expect(permissionsToSubscribe(["*"])).toEqual(every);
    for (const type of WEBHOOK_EVENT_TYPES) expect(every).toEqual(expect.arrayContaining(permissionsToSubscribe([type])));
  });

  it("names what a Webhooks-only key lacks, and nothing for a full-access key", () => {
    const webhooksOnly = restricted({ webhooks: "write" });
    expect(missingSubscribePermissions(["call.completed", "*"], webhooksOnly)).toEqual(["calls:read", "contacts:read", "routing:read"]);
    expect(missingSubscribePermissions(["ping"], webhooksOnly)).toEqual([]);
    expect(missingSubscribePermissions(["call.completed"], restricted({ webhooks: "write", calls: "read" }))).toEqual([]);
    expect(missingSubscribePermissions(["*"], scopesOf({ access: "full", scopes: null }))).toEqual([]);
  });
});

describe("event types a key may read", () => {
  it("are those it could subscribe to", () => {
    expect(readableEventTypes(scopesOf({ access: "full", scopes: null }))).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(readableEventTypes(scopesOf({ access: "read", scopes: null }))).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(readableEventTypes(restricted({ contacts: "read" }))).toEqual(["contact.created", "contact.updated", "contact.deleted", "ping"]);
    expect(readableEventTypes(restricted({ calls: "write" }))).toEqual(["call.queued", "call.ringing", "call.completed", "call.no_answer", "call.failed", "call.canceled", "ping"]);
    expect(readableEventTypes(restricted({ calls: "read", routing: "read" }))).toContain("inbound_call.routed");
    expect(readableEventTypes(restricted({ webhooks: "write" }))).toEqual(["ping"]);
  });
});
