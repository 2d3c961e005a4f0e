import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("takes the address the nearest proxy appended, not what the client claimed before it", () => {
    expect(clientIp("10.0.0.1, 203.0.113.9, 198.51.100.7")).toBe("198.51.100.7");
    expect(clientIp("198.51.100.7")).toBe("198.51.100.7");
  });

  it("falls back to X-Real-IP, then to nothing", () => {
    expect(clientIp(null, "198.51.100.8")).toBe("198.51.100.8");
    expect(clientIp(" , ", "198.51.100.8")).toBe("198.51.100.8");
    expect(clientIp(undefined, null)).toBeNull();
  });
});
