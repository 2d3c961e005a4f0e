import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newCspNonce } from "./content-security-policy";

describe("content security policy", () => {
  it("allows scripts only by nonce in production, never inline", () => {
    const nonce = newCspNonce();
    const csp = contentSecurityPolicy(nonce, true);
    const scriptSrc = csp.split("; ").find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("makes a new unpredictable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newCspNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
