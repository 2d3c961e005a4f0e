import { describe, expect, it } from "vitest";
import { contactLabel } from "./contact-label";

const none = { firstName: null, lastName: null, company: null, phone: null, email: null, id: "contact_1" };

describe("contactLabel", () => {
  it("uses the name, else the company, phone, e-mail and finally the id", () => {
    expect(contactLabel({ ...none, firstName: "Ada", lastName: "Lovelace", company: "Engines" })).toBe("Ada Lovelace");
    expect(contactLabel({ ...none, lastName: "Lovelace" })).toBe("Lovelace");
    expect(contactLabel({ ...none, company: "Engines", phone: "+14155550123" })).toBe("Engines");
    expect(contactLabel({ ...none, phone: "+14155550123", email: "ada@example.com" })).toBe("+14155550123");
    expect(contactLabel({ ...none, email: "ada@example.com" })).toBe("ada@example.com");
    expect(contactLabel(none)).toBe("contact_1");
  });
});
