import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/api-keys";
import { db } from "@/lib/db";
import { dismissLeakNotice, linkableSource, listLeakNotices, listRecentlyLeakedKeys } from "./leak-notices";
import { revokeLeakedKeys } from "./revoke-leaked-keys";

const ORIGIN = { ip: null, userAgent: null };
const DAY_MS = 24 * 60 * 60 * 1000;
const URL_SOURCE = "https://github.com/octocat/Hello-World/blob/1234567/.env";

async function leakedKey(leakedAt: Date) {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: "Ada", passwordHash: "scrypt$unused" } });
  const { secret, apiKey } = await createApiKey(user.id, { name: "Leaky", expiration: "never" }, ORIGIN);
  await revokeLeakedKeys([{ token: secret, source: URL_SOURCE }], { actor: "github_secret_scanning", origin: ORIGIN }, leakedAt);
  return { accountId: user.id, keyId: apiKey.id };
}

describe("leak notices", () => {
  it("name a leaked key and where it was found until the owner dismisses them", async () => {
    const now = new Date();
    const { accountId, keyId } = await leakedKey(now);
    expect(await listLeakNotices(accountId, now)).toEqual([
      { id: keyId, name: "Leaky", display: expect.stringMatching(/^sb_live_/), leakedAt: now, source: URL_SOURCE, dismissed: false },
    ]);

    expect(await dismissLeakNotice(accountId, keyId)).toBe(true);
    expect(await dismissLeakNotice(accountId, keyId)).toBe(false);
    expect(await listLeakNotices(accountId, now)).toEqual([]);
    // The key list still shows it as revoked for leaking.
    expect(await listRecentlyLeakedKeys(accountId, now)).toEqual([expect.objectContaining({ id: keyId, dismissed: true })]);
  });

  it("end after 30 days", async () => {
    const leakedAt = new Date(Date.now() - 31 * DAY_MS);
    const { accountId } = await leakedKey(leakedAt);
    expect(await listRecentlyLeakedKeys(accountId)).toEqual([]);
    expect(await listRecentlyLeakedKeys(accountId, new Date(leakedAt.getTime() + 29 * DAY_MS))).toHaveLength(1);
  });

  it("cannot be dismissed by another account", async () => {
    const { keyId } = await leakedKey(new Date());
    const other = await leakedKey(new Date());
    expect(await dismissLeakNotice(other.accountId, keyId)).toBe(false);
  });
});

describe("linkableSource", () => {
  it("links https URLs only; anything else is shown as text", () => {
    expect(linkableSource(URL_SOURCE)).toBe(URL_SOURCE);
    for (const source of ["javascript:alert(1)", "data:text/html,<script>", "http://example.com/leak", "credentials/revoke", "<b>x</b>"]) {
      expect(linkableSource(source)).toBeNull();
    }
  });
});
