import { describe, expect, it } from "vitest";
import { createContactSchema, listContactsQuerySchema, updateContactSchema } from "./schemas";

function issues(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("createContactSchema", () => {
  it("trims names and keeps the rest as sent", () => {
    expect(
      createContactSchema.parse({ external_id: " crm 1 ", phone: "+14155550123", email: "ada@example.com", first_name: " Ada ", metadata: { plan: "gold" } }),
    ).toEqual({ external_id: " crm 1 ", phone: "+14155550123", email: "ada@example.com", first_name: "Ada", metadata: { plan: "gold" } });
  });

  it("accepts null to leave a field empty", () => {
    expect(createContactSchema.parse({ email: null, company: null })).toEqual({ email: null, company: null });
  });

  it.each([
    [{ phone: "415-555-0123" }, "phone", "must be a phone number, like +14155550123 or (415) 555-0123."],
    [{ phone: 14155550123 }, "phone", "Invalid input: expected string, received number"],
    [{ email: "ada" }, "email", "must be an email address, like ada@example.com."],
    [{ first_name: "  " }, "first_name", "cannot be empty; send null to clear it."],
    [{ last_name: "x".repeat(101) }, "last_name", "can be at most 100 characters."],
    [{ company: 3 }, "company", "must be a string."],
    [{ external_id: "" }, "external_id", "cannot be empty."],
    [{ external_id: "x".repeat(256) }, "external_id", "can be at most 255 characters."],
    [{ metadata: { plan: {} } }, "metadata.plan", "values must be strings, numbers or true/false."],
    [{ metadata: "gold" }, "metadata", "Invalid input: expected record, received string"],
  ])("rejects %j", (input, path, message) => {
    expect(issues(createContactSchema.safeParse(input))).toEqual([[path, message]]);
  });

  it("rejects unknown fields", () => {
    expect(createContactSchema.safeParse({ phone_number: "+14155550123" }).error?.issues[0]).toMatchObject({
      code: "unrecognized_keys",
      keys: ["phone_number"],
    });
  });
});

describe("updateContactSchema", () => {
  it("accepts any subset", () => {
    expect(updateContactSchema.parse({})).toEqual({});
    expect(updateContactSchema.parse({ phone: null })).toEqual({ phone: null });
  });
});

describe("listContactsQuerySchema", () => {
  it("filters by phone and external_id, and pages by contact id", () => {
    expect(listContactsQuerySchema.parse({ phone: "+14155550123", external_id: "crm-1", limit: "5" })).toEqual({
      phone: "+14155550123",
      external_id: "crm-1",
      limit: 5,
    });
    expect(issues(listContactsQuerySchema.safeParse({ phone: "14155550123" }))).toEqual([
      ["phone", "must be a phone number, like +14155550123 or (415) 555-0123."],
    ]);
    expect(issues(listContactsQuerySchema.safeParse({ starting_after: "rule_0000000000000000000000000" }))).toEqual([
      ["starting_after", "must be the id of a contact object."],
    ]);
    expect(listContactsQuerySchema.safeParse({ email: "ada@example.com" }).error?.issues[0].code).toBe("unrecognized_keys");
  });
});
