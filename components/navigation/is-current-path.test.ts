import { describe, expect, it } from "vitest";
import { isCurrentPath } from "./is-current-path";

describe("isCurrentPath", () => {
  it("marks a section on its own page and the pages under it", () => {
    expect(isCurrentPath("/calls", "/calls")).toBe(true);
    expect(isCurrentPath("/calls/call_123", "/calls")).toBe(true);
    expect(isCurrentPath("/settings/integrations/keys/key_1", "/settings/integrations")).toBe(true);
    expect(isCurrentPath("/settings/audit-log", "/settings")).toBe(true);
  });

  it("does not mark a section whose name merely starts the path", () => {
    expect(isCurrentPath("/callsign", "/calls")).toBe(false);
    expect(isCurrentPath("/settings/profile", "/settings/integrations")).toBe(false);
  });

  it("marks the overview only on itself", () => {
    expect(isCurrentPath("/", "/")).toBe(true);
    expect(isCurrentPath("/calls", "/")).toBe(false);
  });
});
