import { describe, expect, it } from "vitest";
import { callsPageHref, dateRangeOf, hasFilters, parseCallsPageQuery } from "./calls-page-query";

const CALL_ID = "call_0mhs2b3k0abcdefghijklmnop";

describe("parseCallsPageQuery", () => {
  it("keeps valid filters and cursors, and treats empty fields as absent", () => {
    expect(parseCallsPageQuery({ status: "completed", direction: "inbound", from: "2026-11-01", to: "2026-11-30", starting_after: CALL_ID, ending_before: "" })).toEqual({
      query: { status: "completed", direction: "inbound", from: "2026-11-01", to: "2026-11-30", starting_after: CALL_ID },
      problems: [],
    });
    expect(parseCallsPageQuery({})).toEqual({ query: {}, problems: [] });
  });

  it("leaves out each invalid parameter and says what is wrong with it", () => {
    const { query, problems } = parseCallsPageQuery({
      status: "bogus",
      direction: ["inbound", "outbound"],
      from: "2026-02-30",
      to: "yesterday",
      starting_after: "call_'; DROP TABLE",
    });
    expect(query).toEqual({});
    expect(problems).toEqual([
      "status: must be one of queued, ringing, in_progress, completed, no_answer, failed, canceled.",
      "direction: must be outbound or inbound.",
      "from: is not a date in the calendar.",
      "to: must be a date written YYYY-MM-DD.",
      "starting_after: must be a call id.",
    ]);
  });

  it("refuses a range that ends before it starts, and dates call ids cannot carry", () => {
    expect(parseCallsPageQuery({ status: "failed", from: "2026-11-30", to: "2026-11-01" })).toEqual({
      query: { status: "failed" },
      problems: ["from: must be on or before to."],
    });
    expect(parseCallsPageQuery({ to: "9999-12-31" }).problems).toEqual(["to: must be a date from 1970 to 4999."]);
  });
});

describe("dateRangeOf", () => {
  it("covers whole UTC days, both ends included", () => {
    expect(dateRangeOf({ from: "2026-11-01", to: "2026-11-02" })).toEqual({
      gte: new Date("2026-11-01T00:00:00.000Z"),
      lt: new Date("2026-11-03T00:00:00.000Z"),
    });
    expect(dateRangeOf({})).toEqual({});
  });
});

describe("callsPageHref", () => {
  it("keeps the filters in links, with the cursor when there is one", () => {
    expect(callsPageHref({})).toBe("/calls");
    expect(callsPageHref({ status: "no_answer", from: "2026-11-01" }, { starting_after: CALL_ID })).toBe(
      `/calls?status=no_answer&from=2026-11-01&starting_after=${CALL_ID}`,
    );
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ direction: "outbound" })).toBe(true);
  });
});
