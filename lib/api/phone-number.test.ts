import { describe, expect, it } from "vitest";
import { toE164 } from "./phone-number";

describe("toE164", () => {
  it.each([
    ["+1 (415) 555-0123", "+14155550123"],
    ["415-555-0123", "+14155550123"],
    ["(415) 555-0123", "+14155550123"],
    ["415.555.0123", "+14155550123"],
    ["4155550123", "+14155550123"],
    ["1 415 555 0123", "+14155550123"],
    ["  +14155550123 ", "+14155550123"],
    ["+44 20 7946 0000", "+442079460000"],
  ])("reads %j as %s with the default region US", (written, e164) => {
    expect(toE164(written, "US")).toBe(e164);
  });

  it("reads a number without a country code in the region given", () => {
    expect(toE164("020 7946 0000", "GB")).toBe("+442079460000");
    expect(toE164("030 123456", "DE")).toBe("+4930123456");
  });

  it("takes DEFAULT_PHONE_REGION when no region is given", () => {
    const before = process.env.DEFAULT_PHONE_REGION;
    try {
      process.env.DEFAULT_PHONE_REGION = "GB";
      expect(toE164("020 7946 0000")).toBe("+442079460000");
      delete process.env.DEFAULT_PHONE_REGION;
      expect(toE164("415-555-0123")).toBe("+14155550123");
    } finally {
      if (before === undefined) delete process.env.DEFAULT_PHONE_REGION;
      else process.env.DEFAULT_PHONE_REGION = before;
    }
  });

  it.each([
    ["call me", "no digits"],
    ["12", "too short"],
    ["020 7946 0000", "a UK national number read as a US one"],
    ["+0123456789", "no country code starts with 0"],
    ["+1 415 555 0123 ext. 12", "an extension E.164 cannot hold"],
    ["tel: +14155550123 please", "text around the number"],
    ["", "empty"],
  ])("refuses %j (%s)", (written) => {
    expect(toE164(written, "US")).toBeNull();
  });
});
