import { describe, expect, it } from "vitest";
import { asApiError } from "./errors";
import { parseFormBody } from "./form-body";

function refusal(text: string) {
  try {
    parseFormBody(text);
  } catch (error) {
    const apiError = asApiError(error);
    if (apiError) return { code: apiError.code, message: apiError.message, param: apiError.options.param };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("parseFormBody", () => {
  it("reads plain fields, decoding + and percent escapes", () => {
    expect(parseFormBody("to=%2B1+(415)+555-0123&agent=Booking+assistant")).toEqual({ to: "+1 (415) 555-0123", agent: "Booking assistant" });
  });

  it("reads Stripe's bracket notation into nested objects", () => {
    expect(parseFormBody("metadata[plan]=gold&variables[first_name]=Ada&metadata[seats]=3")).toEqual({
      metadata: { plan: "gold", seats: "3" },
      variables: { first_name: "Ada" },
    });
    expect(parseFormBody("schedule[time_zone]=Europe%2FLondon&schedule[days][]=mon&schedule[days][]=tue")).toEqual({
      schedule: { time_zone: "Europe/London", days: ["mon", "tue"] },
    });
  });

  it("reads lists as events[]=a&events[]=b, as a repeated name, or by index", () => {
    expect(parseFormBody("events[]=call.completed&events[]=call.failed")).toEqual({ events: ["call.completed", "call.failed"] });
    expect(parseFormBody("events=call.completed&events=call.failed")).toEqual({ events: ["call.completed", "call.failed"] });
    // By index: a map of positions until the schema says it is a list (tolerant-input.ts).
    expect(parseFormBody("events[1]=call.failed&events[0]=call.completed")).toEqual({ events: { 0: "call.completed", 1: "call.failed" } });
  });

  it("opens a new list entry at each []", () => {
    expect(parseFormBody("items[][name]=a&items[][name]=b")).toEqual({ items: [{ name: "a" }, { name: "b" }] });
  });

  it("keeps an empty value as an empty string", () => {
    expect(parseFormBody("agent=&to=%2B14155550123")).toEqual({ agent: "", to: "+14155550123" });
  });

  it("keeps prototype names as plain own fields", () => {
    const parsed = parseFormBody("__proto__[polluted]=yes&constructor[prototype][x]=1");
    expect(Object.keys(parsed)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it("keeps a name the notation cannot read whole, for the schema to refuse by name", () => {
    expect(parseFormBody("metadata[plan=gold")).toEqual({ "metadata[plan": "gold" });
  });

  it("refuses a field sent both as a value and as an object or list", () => {
    expect(refusal("metadata=x&metadata[plan]=gold")).toEqual({
      code: "invalid_body",
      message: 'The form field "metadata.plan" is sent both as a value and as a list or object.',
      param: "metadata.plan",
    });
    expect(refusal("events[]=a&events[x]=b")).toMatchObject({ code: "invalid_body", param: "events.x" });
  });

  it("refuses nesting deeper than four levels", () => {
    expect(refusal("a[b][c][d][e][f]=1")).toEqual({ code: "invalid_body", param: "a", message: 'The form field "a[b][c][d][e][f]" is nested more than 4 levels deep.' });
    expect(parseFormBody("a[b][c][d][e]=1")).toEqual({ a: { b: { c: { d: { e: "1" } } } } });
  });
});
