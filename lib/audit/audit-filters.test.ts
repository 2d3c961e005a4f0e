import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actionsInGroup } from "./action-labels";
import { filtersToSearch, parseAuditFilters } from "./audit-filters";
import { listAuditEvents } from "./list-audit-events";

describe("parseAuditFilters", () => {
  it("keeps valid filters and drops each invalid one on its own", () => {
    expect(parseAuditFilters({ action: "group:webhooks", actor: "api_key", from: "2026-01-01", to: "2026-01-31" })).toEqual({
      action: "group:webhooks",
      actor: "api_key",
      from: "2026-01-01",
      to: "2026-01-31",
    });
    expect(parseAuditFilters(new URLSearchParams("action=api_key.revoked&actor=root&from=yesterday&to="))).toEqual({ action: "api_key.revoked" });
    expect(parseAuditFilters({ action: "group:everything", actor: ["user", "system"], from: "2026-02-30x" })).toEqual({});
    expect(parseAuditFilters({ from: "2026-13-45" })).toEqual({});
  });

  it("writes filters back as a query string, with extras", () => {
    expect(filtersToSearch({})).toBe("");
    expect(filtersToSearch({ action: "group:account", to: "2026-03-01" }, { starting_after: "abc" })).toBe("?action=group%3Aaccount&to=2026-03-01&starting_after=abc");
  });

  it("groups actions by what they concern", () => {
    expect(actionsInGroup("account")).toEqual(expect.arrayContaining(["session.signed_in", "account.password_changed", "two_factor.enabled"]));
    expect(actionsInGroup("webhooks").every((action) => action.startsWith("webhook_endpoint."))).toBe(true);
    expect(actionsInGroup("api_keys")).toContain("api_key.revoked_as_leaked");
  });
});

describe("listAuditEvents", () => {
  it("filters by group, action, actor and whole UTC days, and pages newest first without gaps or repeats", async () => {
    const owner = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "x" } });
    const key = await db.apiKey.create({
      data: { accountId: owner.id, name: "Zapier", hash: randomUUID(), display: "sb_live_…abcd" },
    });
    const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour));
    // Two events share one instant: paging must still return each once.
    const same = at(3, 9);
    await db.auditEvent.createMany({
      data: [
        { accountId: owner.id, action: "api_key.created", apiKeyId: key.id, createdAt: at(1, 0) },
        { accountId: owner.id, action: "session.signed_in", createdAt: at(1, 23) },
        { accountId: owner.id, action: "webhook_endpoint.created", actor: "api_key", apiKeyId: key.id, detail: '{"endpoint_id":"we_1"}', createdAt: at(2, 12) },
        { accountId: owner.id, action: "webhook_endpoint.disabled", actor: "system", createdAt: same },
        { accountId: owner.id, action: "api_key.revoked", apiKeyId: key.id, createdAt: same },
        { accountId: owner.id, action: "account.password_changed", createdAt: at(4, 0) },
      ],
    });
    const actions = async (filters: Parameters<typeof listAuditEvents>[1]) => (await listAuditEvents(owner.id, filters)).events.map((event) => event.action);

    expect(await actions({ action: "group:webhooks" })).toEqual(["webhook_endpoint.disabled", "webhook_endpoint.created"]);
    expect(await actions({ action: "group:account" })).toEqual(["account.password_changed", "session.signed_in"]);
    expect(await actions({ action: "api_key.created" })).toEqual(["api_key.created"]);
    expect(await actions({ actor: "system" })).toEqual(["webhook_endpoint.disabled"]);
    // "to" includes the whole day; "from" starts at its midnight.
    expect(await actions({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["session.signed_in", "api_key.created"]);
    expect(await actions({ from: "2026-03-03" })).toHaveLength(3);

    const viaKey = (await listAuditEvents(owner.id, { actor: "api_key" })).events[0];
    expect(viaKey).toMatchObject({ apiKey: { name: "Zapier", display: "sb_live_…abcd" }, endpointId: "we_1" });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(owner.id, {}, cursor, 2);
      seen.push(...page.events.map((event) => event.action));
      cursor = page.nextStartingAfter ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen[0]).toBe("account.password_changed");
    expect(seen.at(-1)).toBe("api_key.created");

    // Another account sees none of it, even with a cursor taken from this one.
    const stranger = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Eve", passwordHash: "x" } });
    const firstId = (await listAuditEvents(owner.id, {})).events[0].id;
    expect((await listAuditEvents(stranger.id, {}, firstId)).events).toEqual([]);
  });
});
