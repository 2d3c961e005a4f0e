import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { contactEditFormSchema, contactFormSchema } from "./form-input";

describe("contactFormSchema", () => {
  it("normalizes a written phone number as the API does and leaves blank fields out", () => {
    expect(contactFormSchema.parse({ first_name: " Ada ", last_name: "", phone: "+1 (415) 555-0123", email: "", company: "", external_id: "" })).toEqual({
      first_name: "Ada",
      phone: "+14155550123",
    });
  });

  it("refuses what the API refuses, naming the field", () => {
    const result = contactFormSchema.safeParse({ phone: "not a phone", email: "ada@" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["email", "phone"]);
  });
});

describe("contactEditFormSchema", () => {
  it("clears blank fields and carries the contact id", () => {
    const id = newId("contact");
    expect(contactEditFormSchema.parse({ contact_id: id, first_name: "Ada", last_name: "", phone: "", email: "", company: "", external_id: "crm-1" })).toEqual({
      contact_id: id,
      first_name: "Ada",
      last_name: null,
      phone: null,
      email: null,
      company: null,
      external_id: "crm-1",
    });
  });

  it("refuses an id that is not a contact's", () => {
    expect(contactEditFormSchema.safeParse({ contact_id: "rule_123", first_name: "Ada" }).success).toBe(false);
  });
});
