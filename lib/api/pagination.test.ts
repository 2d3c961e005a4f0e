import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids/new-id";
import { asApiError, type ApiError } from "./errors";
import { listQuerySchema, pageWhere, toList } from "./pagination";
import { parseInput } from "./request-input";

const schema = listQuerySchema("call");

function apiErrorOf(query: Record<string, string>): ApiError {
  try {
    parseInput(schema, query);
  } catch (error) {
    // As the client sees it: the schema's refusal goes through the API's mapping.
    const apiError = asApiError(error);
    if (apiError) return apiError;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
}

describe("toList", () => {
  const rows = [1, 2, 3];

  it("serializes at most limit rows and says whether more exist", () => {
    expect(toList(rows, 2, (n) => ({ n }))).toEqual({ object: "list", data: [{ n: 1 }, { n: 2 }], has_more: true });
  });

  it("has no more when the extra row was not found", () => {
    expect(toList(rows, 3, String)).toEqual({ object: "list", data: ["1", "2", "3"], has_more: false });
    expect(toList(rows.slice(0, 2), 3, String)).toEqual({ object: "list", data: ["1", "2"], has_more: false });
    expect(toList([], 20, String)).toEqual({ object: "list", data: [], has_more: false });
  });
});

describe("listQuerySchema", () => {
  it("defaults limit to 20 and reads numbers from the query string", () => {
    expect(schema.parse({})).toEqual({ limit: 20 });
    expect(schema.parse({ limit: "1" })).toEqual({ limit: 1 });
    expect(schema.parse({ limit: "100" })).toEqual({ limit: 100 });
  });

  it.each(["0", "101", "-1", "1.5", "abc", "", "1e3", " "])("refuses limit=%j with a message that gives the range", (limit) => {
    const error = apiErrorOf({ limit });
    expect(error).toMatchObject({ status: 400, type: "invalid_request_error", code: "invalid_parameter" });
    expect(error.options.param).toBe("limit");
    expect(error.message).toBe("limit: must be a whole number from 1 to 100.");
  });

  it("accepts the id of an object of its own kind as starting_after", () => {
    const id = newId("call");
    expect(schema.parse({ starting_after: id })).toEqual({ limit: 20, starting_after: id });
  });

  it.each([newId("contact"), "call_123", `${newId("call")}0`, newId("call").toUpperCase(), ""])("refuses starting_after=%j", (startingAfter) => {
    const error = apiErrorOf({ starting_after: startingAfter });
    expect(error.options.param).toBe("starting_after");
    expect(error.message).toBe("starting_after: must be the id of a call object.");
  });

  it("refuses parameters it does not know", () => {
    const error = apiErrorOf({ limit: "5", offset: "10" });
    expect(error).toMatchObject({ code: "unknown_parameter", options: { param: "offset" } });
  });
});

describe("pageWhere", () => {
  it("continues strictly after the given id, or from the start", () => {
    expect(pageWhere(undefined)).toEqual({});
    expect(pageWhere("call_x")).toEqual({ id: { lt: "call_x" } });
  });
});
