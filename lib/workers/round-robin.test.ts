import { describe, expect, it } from "vitest";
import { roundRobin } from "./round-robin";

describe("roundRobin", () => {
  it("takes one from each queue in turn", () => {
    expect(roundRobin([["a1", "a2", "a3"], ["b1"], [], ["c1", "c2"]])).toEqual(["a1", "b1", "c1", "a2", "c2", "a3"]);
    expect(roundRobin([])).toEqual([]);
  });
});
