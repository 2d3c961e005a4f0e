import { generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/api-keys";
import { generateApiKey } from "@/lib/api-keys/format";
import { hashApiKey } from "@/lib/api-keys/hash";
import { verifyApiKey } from "@/lib/api-keys/verify-api-key";
import { routeHandlers } from "@/lib/api/route-handlers";
import { CLIENT_ADDRESS_HEADER, CLIENT_ADDRESS_SERVER } from "@/lib/client-address/resolve.mjs";
import { db } from "@/lib/db";
import { CREDENTIALS_REVOCATION } from "./schemas";

// Outside a Next.js request there is no after(); run the deferred work at once instead.
vi.mock("next/server", () => ({ after: (task: () => unknown) => void task() }));

const ORIGIN = { ip: null, userAgent: null };
const context = { params: Promise.resolve({}) };
const revokeRoute = routeHandlers("/api/v1/credentials/revoke").POST;
const githubRoute = routeHandlers("/api/v1/secret-scanning/github").POST;

// These tests play scripts/server.mjs, which resolves the client address and passes it in its
// header; each test uses its own address so the per-address limit of one does not reach another.
const marker = globalThis as Record<symbol, unknown>;
beforeAll(() => {
  marker[CLIENT_ADDRESS_SERVER] = true;
});
afterAll(() => {
  delete marker[CLIENT_ADDRESS_SERVER];
});
let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;

async function liveKey(name = "Zapier") {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  const { secret, apiKey } = await createApiKey(user.id, { name, expiration: "never" }, ORIGIN);
  return { secret, keyId: apiKey.id, accountId: user.id };
}

function revokeRequest(credentials: unknown, address = newAddress()) {
  return revokeRoute(
    new Request("http://localhost/api/v1/credentials/revoke", {
      method: "POST",
      headers: { "Content-Type": "application/json", [CLIENT_ADDRESS_HEADER]: address, "User-Agent": "leak-reporter/1" },
      body: JSON.stringify({ credentials }),
    }),
    context,
  );
}

describe("POST /api/v1/credentials/revoke", () => {
  it("answers the same 202 for a non-key, an unknown key, a revoked key and a live key", async () => {
    const revoked = await liveKey();
    await revokeApiKey(revoked.accountId, revoked.keyId, ORIGIN);
    const live = await liveKey();
    const answers = [];
    for (const credential of ["hello", generateApiKey(), revoked.secret, live.secret]) {
      const answer = await revokeRequest([credential]);
      answers.push({ status: answer.status, body: await answer.json() });
    }
    expect(answers).toEqual(Array(4).fill({ status: 202, body: CREDENTIALS_REVOCATION }));
  });

  it("revokes every live key among the credentials at once, as leaked, with an audit event and an api_key.leaked event", async () => {
    const first = await liveKey("Make");
    const second = await liveKey("Zapier");
    const answer = await revokeRequest(["not a key", first.secret, second.secret]);
    expect(answer.status).toBe(202);

    for (const key of [first, second]) {
      expect(await verifyApiKey(key.secret)).toMatchObject({ ok: false, reason: "revoked" });
      const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.keyId } });
      expect(row.leakedAt).toEqual(row.revokedAt);
      expect(row.leakedSource).toBe("credentials/revoke");
      const audit = await db.auditEvent.findMany({ where: { accountId: key.accountId, action: "api_key.revoked_as_leaked" } });
      expect(audit).toEqual([
        expect.objectContaining({ apiKeyId: key.keyId, actor: "public_revoke", userAgent: "leak-reporter/1", detail: JSON.stringify({ source: "credentials/revoke" }) }),
      ]);
      const events = await db.webhookEvent.findMany({ where: { accountId: key.accountId, type: "api_key.leaked" } });
      expect(events).toHaveLength(1);
      const payload = JSON.parse(events[0].payload);
      expect(payload.data).toEqual({
        id: key.keyId,
        object: "api_key",
        name: row.name,
        display: row.display,
        leaked_at: row.leakedAt?.toISOString(),
        source: "credentials/revoke",
      });
      // Neither the secret nor its hash goes out with the event.
      expect(events[0].payload).not.toContain(key.secret);
      expect(events[0].payload).not.toContain(row.hash);
    }
  });

  it("revokes a key once when it is submitted again", async () => {
    const key = await liveKey();
    await revokeRequest([key.secret, key.secret]);
    await revokeRequest([key.secret]);
    expect(await db.auditEvent.count({ where: { apiKeyId: key.keyId, action: "api_key.revoked_as_leaked" } })).toBe(1);
    expect(await db.webhookEvent.count({ where: { accountId: key.accountId, type: "api_key.leaked" } })).toBe(1);
  });

  it("refuses a body without 1–100 credentials", async () => {
    for (const credentials of [[], Array(101).fill("x"), "sb_live_x", ["x".repeat(257)]]) {
      const answer = await revokeRequest(credentials);
      expect(answer.status).toBe(400);
      expect((await answer.json()).error).toMatchObject({ type: "invalid_request_error", param: expect.stringMatching(/^credentials/) });
    }
  });

  it("limits each client address to 10 requests a minute", async () => {
    const address = newAddress();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await revokeRequest(["x"], address)).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
    expect((await revokeRequest(["x"])).status).toBe(202);
  });
});

describe("POST /api/v1/secret-scanning/github", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const keysFile = path.join(mkdtempSync(path.join(tmpdir(), "secret-scanning-")), "public_keys.json");
  writeFileSync(keysFile, JSON.stringify({ public_keys: [{ key_identifier: "test-key", key: publicKey.export({ type: "spki", format: "pem" }), is_current: true }] }));
  const url = "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/.env";

  beforeAll(() => {
    process.env.SECRET_SCANNING_PUBLIC_KEYS = keysFile;
  });
  afterAll(() => {
    delete process.env.SECRET_SCANNING_PUBLIC_KEYS;
  });

  function report(body: string, headers: Record<string, string>) {
    return githubRoute(
      new Request("http://localhost/api/v1/secret-scanning/github", { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body }),
      context,
    );
  }
  const signed = (body: string) => ({
    "Github-Public-Key-Identifier": "test-key",
    "Github-Public-Key-Signature": sign("sha256", Buffer.from(body), { key: privateKey, dsaEncoding: "der" }).toString("base64"),
  });

  it("revokes the keys a signed report names and labels each token in GitHub's format", async () => {
    const key = await liveKey();
    const stranger = generateApiKey();
    const body = JSON.stringify([
      { token: key.secret, type: "switchboard_api_key", url, source: "content" },
      { token: stranger, type: "switchboard_api_key", url, source: "content" },
    ]);
    const answer = await report(body, signed(body));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual([
      { token_hash: hashApiKey(key.secret), token_type: "switchboard_api_key", label: "true_positive" },
      { token_hash: hashApiKey(stranger), token_type: "switchboard_api_key", label: "false_positive" },
    ]);
    expect(await verifyApiKey(key.secret)).toMatchObject({ ok: false, reason: "revoked" });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.keyId } })).toMatchObject({ leakedSource: url });
    expect(await db.auditEvent.findMany({ where: { apiKeyId: key.keyId, action: "api_key.revoked_as_leaked" } })).toEqual([
      expect.objectContaining({ actor: "github_secret_scanning", detail: JSON.stringify({ source: url }) }),
    ]);
    // Reported again (GitHub may repeat itself): still a true positive, not revoked twice.
    const again = await report(body, signed(body));
    expect((await again.json())[0].label).toBe("true_positive");
    expect(await db.auditEvent.count({ where: { apiKeyId: key.keyId, action: "api_key.revoked_as_leaked" } })).toBe(1);
  });

  it("refuses a tampered body, an unknown key identifier and a missing signature with 401, revoking nothing", async () => {
    const key = await liveKey();
    const body = JSON.stringify([{ token: key.secret, type: "switchboard_api_key", url, source: "content" }]);
    const attempts = [
      report(body.replace("content", "commit"), signed(body)),
      report(body, { ...signed(body), "Github-Public-Key-Identifier": "other-key" }),
      report(body, {}),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(401);
      expect((await answer.json()).error).toMatchObject({ type: "authentication_error", code: "invalid_signature" });
    }
    expect((await verifyApiKey(key.secret)).ok).toBe(true);
  });

  it("says so when no public keys are configured", async () => {
    delete process.env.SECRET_SCANNING_PUBLIC_KEYS;
    try {
      const body = JSON.stringify([{ token: "x", type: "switchboard_api_key" }]);
      const answer = await report(body, signed(body));
      expect(answer.status).toBe(401);
      expect((await answer.json()).error).toMatchObject({ code: "secret_scanning_not_configured" });
    } finally {
      process.env.SECRET_SCANNING_PUBLIC_KEYS = keysFile;
    }
  });
});
