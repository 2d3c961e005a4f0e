import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as zapierCore from "zapier-platform-core";
import { callSchema, createCallSchema } from "@/lib/calls/schemas";
import { contactSchema, createContactSchema, listContactsQuerySchema } from "@/lib/contacts/schemas";
import { createRoutingRuleSchema, routingRuleSchema } from "@/lib/routing/schemas";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import App from "../index.js";

// The Zapier app's definition, checked without a server: against Zapier's own schema (what
// `zapier-platform validate` runs before a push) and against Switchboard's request and response
// schemas, so a renamed API field breaks this test rather than a user's Zap. Its behaviour against
// a running server is tested in e2e/zapier-app.spec.ts.

type Field = { key: string };
type Operation = { inputFields?: Field[]; outputFields?: Field[]; sample: Record<string, unknown> };
type Definition = { key: string; operation: Operation };

const triggers = App.triggers as unknown as Record<string, Definition>;
const creates = App.creates as unknown as Record<string, Definition>;
const searches = App.searches as unknown as Record<string, Definition>;

// createAppHandler is exported (the CLI runs apps through it) but missing from the package's types.
type AppHandler = (event: object) => Promise<{ results: { property: string; message: string }[] }>;
const { createAppHandler } = zapierCore as unknown as { createAppHandler(app: unknown): AppHandler };

// What `zapier-platform validate` does locally: the app handler's "validate" command.
async function schemaErrors(app: unknown) {
  return (await createAppHandler(app)({ command: "validate", calledFromCli: true })).results;
}

// An object field key as Zapier flattens it ("routing__action", "transcript[]text") → its API field.
const topLevel = (key: string) => key.split(/__|\[\]/)[0];
const withoutEventFields = (sample: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(sample).filter(([key]) => !key.startsWith("event_")));
const keysOf = (fields: Field[] = []) => fields.map((field) => field.key);

describe("the Zapier app definition", () => {
  it("passes zapier-platform-schema's validation", async () => {
    expect(await schemaErrors(App)).toEqual([]);
  });

  it("is really validated: a definition with a broken trigger is refused", async () => {
    const broken = { ...App, triggers: { ...App.triggers, new_call: { ...App.triggers.new_call, display: { label: "x", description: "too short" } } } };
    const errors = await schemaErrors(broken);
    expect(errors.map((error) => error.property)).toContain("instance.triggers.new_call.display.label");
  });

  it("has the triggers, actions and searches the integration promises", () => {
    expect(Object.keys(triggers).sort()).toEqual(
      ["call_completed", "call_failed", "call_not_answered", "contact_created_or_updated", "inbound_call_routed", "new_call"].sort(),
    );
    expect(Object.keys(creates).sort()).toEqual(["cancel_call", "create_or_update_contact", "create_routing_rule", "launch_call"]);
    expect(Object.keys(searches).sort()).toEqual(["find_call", "find_contact"]);
  });

  it("subscribes REST hooks only to events Switchboard sends", () => {
    for (const trigger of Object.values(triggers)) {
      const sample = trigger.operation.sample;
      if (!("event_type" in sample)) continue;
      expect(WEBHOOK_EVENT_TYPES).toContain(sample.event_type);
    }
  });

  it("sends only fields the API's request schemas know", () => {
    const requestFields = (schema: { shape: object }) => Object.keys(schema.shape);
    expect(requestFields(createCallSchema)).toEqual(expect.arrayContaining(keysOf(creates.launch_call.operation.inputFields)));
    expect(requestFields(createContactSchema)).toEqual(expect.arrayContaining(keysOf(creates.create_or_update_contact.operation.inputFields)));
    const ruleFields = keysOf(creates.create_routing_rule.operation.inputFields).map((key) => (key.startsWith("schedule_") ? "schedule" : key));
    expect(requestFields(createRoutingRuleSchema)).toEqual(expect.arrayContaining(ruleFields));
    expect(requestFields(listContactsQuerySchema)).toEqual(expect.arrayContaining(keysOf(searches.find_contact.operation.inputFields)));
  });

  it("has samples and output fields shaped like the API's objects", () => {
    const objectSchemas = { Call: callSchema, Contact: contactSchema, "Routing Rule": routingRuleSchema, "Inbound Call": callSchema };
    for (const definition of [...Object.values(triggers), ...Object.values(creates), ...Object.values(searches)] as (Definition & { noun: keyof typeof objectSchemas })[]) {
      const schema = objectSchemas[definition.noun];
      expect(schema.safeParse(withoutEventFields(definition.operation.sample)).error, definition.key).toBeUndefined();
      const outputKeys = keysOf(definition.operation.outputFields).filter((key) => !key.startsWith("event_")).map(topLevel);
      expect(Object.keys(schema.shape), definition.key).toEqual(expect.arrayContaining(outputKeys));
    }
  });

  it("pins the same zapier-platform-core as the repository root, exactly", () => {
    const version = (file: string) => {
      const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", file), "utf8"));
      return manifest.dependencies?.["zapier-platform-core"] ?? manifest.devDependencies?.["zapier-platform-core"];
    };
    expect(version("package.json")).toMatch(/^\d+\.\d+\.\d+$/);
    expect(version("../../package.json")).toBe(version("package.json"));
    expect(App.platformVersion).toBe(version("package.json"));
  });
});
