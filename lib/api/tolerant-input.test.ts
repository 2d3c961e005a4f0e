import { describe, expect, it } from "vitest";
import { createCallSchema, listCallsQuerySchema } from "@/lib/calls/schemas";
import { createContactSchema, listContactsQuerySchema, updateContactSchema } from "@/lib/contacts/schemas";
import { createRoutingRuleSchema, updateRoutingRuleSchema } from "@/lib/routing/schemas";
import { createWebhookEndpointSchema, updateWebhookEndpointSchema } from "@/lib/webhooks/schemas";
import { asApiError } from "./errors";
import { parseFormBody } from "./form-body";
import { parseRequestInput } from "./request-input";
import type { InputSource } from "./tolerant-input";

const TO = "+14155550123";

// What the API hands the handler, or the error object's parts when it refuses.
function read(schema: Parameters<typeof parseRequestInput>[0], value: unknown, source: InputSource = "json") {
  try {
    return { ok: parseRequestInput(schema, value, source) };
  } catch (error) {
    const apiError = asApiError(error);
    if (!apiError) throw error;
    return { error: { code: apiError.code, message: apiError.message, param: apiError.options.param } };
  }
}

describe("optional fields sent as \"\" or null", () => {
  it("are treated as not sent", () => {
    expect(read(createCallSchema, { to: TO, agent: "", from: null, contact_id: "", variables: null, metadata: "" })).toEqual({ ok: { to: TO } });
    expect(read(createWebhookEndpointSchema, { url: "https://hooks.example.com/x", description: "", events: "" })).toEqual({
      ok: { url: "https://hooks.example.com/x", events: ["*"] },
    });
  });

  it("take a field's default when it has one", () => {
    expect(read(createRoutingRuleSchema, { priority: "", action: "agent", target: "Reception", name: "" })).toEqual({
      ok: { priority: 0, action: "agent", target: "Reception" },
    });
  });

  it("keep null's meaning where an update documents it as clearing the field", () => {
    expect(read(updateContactSchema, { first_name: null, company: "", phone: null })).toEqual({ ok: { first_name: null, phone: null } });
    expect(read(updateRoutingRuleSchema, { schedule: null, caller_prefix: null, called_number: "", name: "" })).toEqual({
      ok: { schedule: null, caller_prefix: null },
    });
    expect(read(updateWebhookEndpointSchema, { description: null, enabled: "" })).toEqual({ ok: { description: null } });
  });

  it("still leave a required field missing, by name", () => {
    expect(read(createCallSchema, { to: null })).toEqual({ error: { code: "invalid_parameter", param: "to", message: "to: must be a string." } });
    expect(read(createRoutingRuleSchema, { action: "agent", target: "" })).toEqual({ error: { code: "invalid_parameter", param: "target", message: "target: cannot be empty." } });
  });

  it("apply inside nested objects too", () => {
    const schedule = { time_zone: "Europe/London", days: ["mon"], start: "09:00", end: "17:00" };
    expect(read(createRoutingRuleSchema, { action: "agent", target: "Reception", schedule: { ...schedule, extra: "" } })).toMatchObject({
      error: { code: "unknown_parameter", param: "schedule.extra" },
    });
  });
});

describe("numbers and booleans sent as strings", () => {
  it("are read as numbers where the field is a number", () => {
    expect(read(createRoutingRuleSchema, { priority: "1", action: "agent", target: "Reception" })).toEqual({ ok: { priority: 1, action: "agent", target: "Reception" } });
    expect(read(updateRoutingRuleSchema, { priority: " 25 " })).toEqual({ ok: { priority: 25 } });
  });

  it("are refused by the field's own rule when they are not a number", () => {
    for (const priority of ["one", "1,5", "0x10", "", "1.5"]) {
      expect(read(updateRoutingRuleSchema, { priority })).toMatchObject(
        priority === "" ? { ok: {} } : { error: { code: "invalid_parameter", param: "priority", message: "priority: must be a whole number from 0 to 1000000." } },
      );
    }
  });

  it("are read as booleans where the field is a boolean", () => {
    expect(read(updateWebhookEndpointSchema, { enabled: "false" })).toEqual({ ok: { enabled: false } });
    expect(read(updateWebhookEndpointSchema, { enabled: "TRUE" })).toEqual({ ok: { enabled: true } });
    expect(read(updateWebhookEndpointSchema, { enabled: "yes" })).toEqual({ error: { code: "invalid_parameter", param: "enabled", message: "enabled: must be true or false." } });
  });

  it("stay strings where the field is a string", () => {
    expect(read(createCallSchema, { to: TO, agent: "42" })).toEqual({ ok: { to: TO, agent: "42" } });
  });
});

describe("phone numbers", () => {
  it.each(["+1 (415) 555-0123", "415-555-0123", "(415) 555-0123", "4155550123", 4155550123])("read %j as E.164", (written) => {
    expect(read(createCallSchema, { to: written, from: written })).toEqual({ ok: { to: TO, from: TO } });
    expect(read(createContactSchema, { phone: written })).toEqual({ ok: { phone: TO } });
    expect(read(createRoutingRuleSchema, { called_number: written, action: "agent", target: "Reception" })).toMatchObject({ ok: { called_number: TO } });
  });

  it("are read in ?phone= filters too", () => {
    expect(read(listContactsQuerySchema, { phone: "(415) 555-0123" }, "query")).toEqual({ ok: { limit: 20, phone: TO } });
  });

  it("refuse an unreadable number, naming its field", () => {
    expect(read(createCallSchema, { to: "call me" })).toEqual({
      error: { code: "invalid_parameter", param: "to", message: "to: must be a phone number, like +14155550123 or (415) 555-0123." },
    });
    expect(read(listContactsQuerySchema, { phone: "12" }, "query")).toMatchObject({ error: { param: "phone" } });
    expect(read(createCallSchema, { to: TO, from: true })).toMatchObject({ error: { param: "from", message: "from: must be a string." } });
  });

  it("leave fields that are not phone numbers alone", () => {
    expect(read(createRoutingRuleSchema, { caller_prefix: "+1 415", action: "agent", target: "415-555-0123" })).toMatchObject({ error: { param: "caller_prefix" } });
  });
});

describe("variables and metadata", () => {
  it("take strings, numbers and booleans, stored as strings", () => {
    expect(read(createCallSchema, { to: TO, variables: { first_name: "Ada", age: 36, vip: true }, metadata: { score: 4.5, opted_in: false } })).toEqual({
      ok: { to: TO, variables: { first_name: "Ada", age: "36", vip: "true" }, metadata: { score: "4.5", opted_in: "false" } },
    });
  });

  it("leave out an entry sent as null and keep one sent as \"\"", () => {
    expect(read(createContactSchema, { metadata: { plan: "gold", seats: null, note: "" } })).toEqual({ ok: { metadata: { plan: "gold", note: "" } } });
  });

  it("refuse objects and lists as values, naming the entry", () => {
    expect(read(createCallSchema, { to: TO, metadata: { nested: { a: 1 } } })).toEqual({
      error: { code: "invalid_parameter", param: "metadata.nested", message: "metadata.nested: values must be strings, numbers or true/false." },
    });
  });
});

describe("form bodies", () => {
  const form = (schema: Parameters<typeof parseRequestInput>[0], text: string) => read(schema, parseFormBody(text), "form");

  it("read a call with bracket notation, numbers and a written phone number", () => {
    expect(form(createCallSchema, "to=%2B1+(415)+555-0123&agent=&variables[first_name]=Ada&metadata[plan]=gold&metadata[seats]=3")).toEqual({
      ok: { to: TO, variables: { first_name: "Ada" }, metadata: { plan: "gold", seats: "3" } },
    });
  });

  it("read lists in each notation, and a lone value as a one-item list", () => {
    const url = "url=https%3A%2F%2Fhooks.example.com%2Fx";
    for (const events of ["events[]=call.completed&events[]=call.failed", "events=call.completed&events=call.failed", "events[1]=call.failed&events[0]=call.completed"]) {
      expect(form(createWebhookEndpointSchema, `${url}&${events}`)).toEqual({ ok: { url: "https://hooks.example.com/x", events: ["call.completed", "call.failed"] } });
    }
    expect(form(createWebhookEndpointSchema, `${url}&events=call.completed`)).toEqual({ ok: { url: "https://hooks.example.com/x", events: ["call.completed"] } });
  });

  it("read a nested schedule and numbers", () => {
    expect(
      form(
        createRoutingRuleSchema,
        "action=forward&target=%2B442079460000&priority=5&schedule[time_zone]=Europe%2FLondon&schedule[days][]=mon&schedule[start]=09:00&schedule[end]=17:00",
      ),
    ).toEqual({ ok: { action: "forward", target: "+442079460000", priority: 5, schedule: { time_zone: "Europe/London", days: ["mon"], start: "09:00", end: "17:00" } } });
  });

  it("still refuse an unknown field by name", () => {
    expect(form(createCallSchema, "to=%2B14155550123&callback_url=x")).toMatchObject({ error: { code: "unknown_parameter", param: "callback_url" } });
    expect(form(createCallSchema, "to=%2B14155550123&metadata[plan=gold")).toMatchObject({ error: { code: "unknown_parameter", param: "metadata[plan" } });
  });
});

describe("JSON bodies", () => {
  it("do not read a lone string as a list", () => {
    expect(read(createWebhookEndpointSchema, { url: "https://hooks.example.com/x", events: "call.completed" })).toMatchObject({ error: { param: "events" } });
  });
});

describe("query strings", () => {
  it("treat an empty filter as not sent", () => {
    expect(read(listCallsQuerySchema, { status: "", limit: "" }, "query")).toEqual({ ok: { limit: 20 } });
    expect(read(listCallsQuerySchema, { limit: "5", direction: "inbound" }, "query")).toEqual({ ok: { limit: 5, direction: "inbound" } });
  });
});
