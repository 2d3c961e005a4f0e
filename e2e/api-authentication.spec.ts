import { expect, test } from "./support/test";
import { signUp } from "./support/accounts";
import { generateKey, me, openIntegrationSettings } from "./support/api-keys";

test("GET /api/v1/health answers without a key", { tag: ["@api", "@keys"] }, async ({ request }) => {
  const response = await request.get("/api/v1/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ object: "health", status: "ok" });
  expect(response.headers()["request-id"]).toMatch(/^req_/);
});

test.describe("GET /api/v1/me refuses a bad key with a message that says what to fix", { tag: ["@api", "@keys"] }, () => {
  const cases: { title: string; headers: Record<string, string>; code: string; message: RegExp }[] = [
    { title: "no key", headers: {}, code: "missing_api_key", message: /No API key provided\. Send it as Authorization: Bearer <key>/ },
    { title: "not a Bearer header", headers: { Authorization: "Basic abc" }, code: "malformed_authorization_header", message: /Bearer <key>/ },
    { title: "wrong prefix", headers: { Authorization: `Bearer sk_live_${"a".repeat(36)}` }, code: "malformed_api_key", message: /start with "sb_live_"/ },
    { title: "truncated", headers: { Authorization: "Bearer sb_live_abc" }, code: "malformed_api_key", message: /44 characters/ },
    { title: "bad checksum", headers: { "X-API-Key": `sb_live_${"a".repeat(36)}` }, code: "malformed_api_key", message: /checksum/ },
  ];
  for (const { title, headers, code, message } of cases) {
    test(title, async ({ request }) => {
      const response = await request.get("/api/v1/me", { headers });
      expect(response.status()).toBe(401);
      expect(response.headers()["www-authenticate"]).toBe("Bearer");
      const { error } = await response.json();
      expect(error).toMatchObject({ type: "authentication_error", code });
      expect(error.message).toMatch(message);
    });
  }
});

test("a well-formed key that was never issued is unknown; a real one works with either header", { tag: ["@api", "@keys"] }, async ({ page, request }) => {
  await signUp(page);
  await openIntegrationSettings(page);
  const key = await generateKey(page, "GHL");

  // Same shape and a valid checksum are not enough: only issued keys open the API.
  const forged = `sb_live_${"A".repeat(30)}`;
  const { crc32 } = await import("node:zlib");
  let checksum = "";
  for (let n = crc32(forged) >>> 0; checksum.length < 6; n = Math.floor(n / 62)) {
    checksum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[n % 62] + checksum;
  }
  const unknown = await me(request, forged + checksum);
  expect(unknown.status()).toBe(401);
  expect((await unknown.json()).error.code).toBe("invalid_api_key");

  expect((await me(request, key, "bearer")).status()).toBe(200);
  expect((await me(request, key, "x-api-key")).status()).toBe(200);
});
