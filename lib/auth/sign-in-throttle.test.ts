import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { refundSignInAttempt, reserveSignInAttempt } from "./sign-in-throttle";
import { ThrottledError } from "@/lib/errors/domain-errors";

describe("sign-in throttling", () => {
  // Fixed windows aligned to the clock: a still clock keeps a test from straddling a window's end.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T10:01:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("allows 10 attempts for an email, refuses the 11th before any check, and only for that email", () => {
    for (let i = 0; i < 10; i++) reserveSignInAttempt("victim@example.com", `198.51.100.${i}`);
    expect(() => reserveSignInAttempt("victim@example.com", "203.0.113.99")).toThrow(ThrottledError);
    expect(() => reserveSignInAttempt("victim@example.com", "203.0.113.99")).toThrow(/Try again in \d+ minutes?\./);
    expect(() => reserveSignInAttempt("someone-else@example.com", "203.0.113.99")).not.toThrow();
  });

  it("gives successful attempts back, so an owner who signs in often is never locked out", () => {
    for (let i = 0; i < 25; i++) refundSignInAttempt(reserveSignInAttempt("owner@example.com", "192.0.2.10"));
    for (let i = 0; i < 10; i++) reserveSignInAttempt("owner@example.com", "192.0.2.10");
    expect(() => reserveSignInAttempt("owner@example.com", "192.0.2.10")).toThrow(ThrottledError);
  });

  it("blocks an address after 50 attempts across many emails, without counting the refused email attempt", () => {
    for (let i = 0; i < 50; i++) reserveSignInAttempt(`spray-${i}@example.com`, "192.0.2.77");
    expect(() => reserveSignInAttempt("fresh@example.com", "192.0.2.77")).toThrow(ThrottledError);
    expect(() => reserveSignInAttempt("fresh@example.com", "192.0.2.78")).not.toThrow();
    // The refusal by address gave the email's count back: 9 more attempts for it remain.
    for (let i = 0; i < 9; i++) reserveSignInAttempt("fresh@example.com", `192.0.2.${100 + i}`);
    expect(() => reserveSignInAttempt("fresh@example.com", "192.0.2.200")).toThrow(ThrottledError);
  });
});
