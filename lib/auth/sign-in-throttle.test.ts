import { describe, expect, it } from "vitest";
import { assertSignInAllowed, recordFailedSignIn } from "./sign-in-throttle";
import { ThrottledError } from "@/lib/errors/domain-errors";

describe("sign-in throttling", () => {
  it("blocks an email after 10 failures, and only that email", () => {
    for (let i = 0; i < 10; i++) {
      assertSignInAllowed("victim@example.com", `198.51.100.${i}`);
      recordFailedSignIn("victim@example.com", `198.51.100.${i}`);
    }
    expect(() => assertSignInAllowed("victim@example.com", "203.0.113.99")).toThrow(ThrottledError);
    expect(() => assertSignInAllowed("victim@example.com", "203.0.113.99")).toThrow(/Try again in \d+ minutes?\./);
    expect(() => assertSignInAllowed("victim@example.com", "203.0.113.99")).toThrow(
      expect.objectContaining({ code: "sign_in_throttled", retryAfterSeconds: expect.any(Number) }),
    );
    expect(() => assertSignInAllowed("someone-else@example.com", "203.0.113.99")).not.toThrow();
  });

  it("blocks an address after 50 failures across many emails", () => {
    for (let i = 0; i < 50; i++) recordFailedSignIn(`spray-${i}@example.com`, "192.0.2.77");
    expect(() => assertSignInAllowed("fresh@example.com", "192.0.2.77")).toThrow(ThrottledError);
    expect(() => assertSignInAllowed("fresh@example.com", "192.0.2.78")).not.toThrow();
  });
});
