import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changePassword, createAccount } from "./accounts";
import { verifyPassword } from "./password";
import { createSession, endSession, findActiveSession, LAST_SEEN_INTERVAL_MS, listSessions, revokeSession, SESSION_IDLE_MS, touchSession } from "./sessions";
import { confirmIdentity, inSudoMode, SUDO_WINDOW_MS } from "./sudo";

const PASSWORD = "correct horse battery";
const origin = { ip: "192.0.2.44", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/132.0" };

async function signedIn(count = 1) {
  const user = await createAccount({ name: "Grace", email: `grace-${randomUUID()}@example.com`, password: PASSWORD });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await db.$transaction((tx) => createSession(tx, user.id, origin)));
  return { user, ids };
}

// Each test hashes with scrypt many times; on a loaded 2-core machine that takes seconds.
describe("sessions", { timeout: 120_000 }, () => {
  it("ends at sign out and at revocation, and only for the account that owns it", async () => {
    const { user, ids } = await signedIn(2);
    const other = await signedIn();
    expect(await findActiveSession(ids[0], user.id)).not.toBeNull();
    // Someone else's session id with this account id is no session.
    expect(await findActiveSession(other.ids[0], user.id)).toBeNull();
    expect(await revokeSession(other.user.id, ids[0], origin)).toBe(false);

    await endSession(ids[0]);
    expect(await findActiveSession(ids[0], user.id)).toBeNull();
    expect(await revokeSession(user.id, ids[1], origin)).toBe(true);
    expect(await findActiveSession(ids[1], user.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { accountId: user.id, action: "session.revoked" } })).toBe(1);
  });

  it("writes last seen at most once a minute, and drops sessions idle for 30 days", async () => {
    const { user, ids } = await signedIn();
    const [id] = ids;
    const created = (await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    await touchSession(id, origin, new Date(created.getTime() + LAST_SEEN_INTERVAL_MS - 1000));
    expect((await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(created);
    const later = new Date(created.getTime() + LAST_SEEN_INTERVAL_MS + 1000);
    await touchSession(id, { ...origin, ip: "192.0.2.45" }, later);
    expect(await db.session.findUniqueOrThrow({ where: { id } })).toMatchObject({ lastSeenAt: later, ip: "192.0.2.45" });

    expect(await findActiveSession(id, user.id, later.getTime() + SESSION_IDLE_MS + 1)).toBeNull();
    expect(await listSessions(user.id, later.getTime() + SESSION_IDLE_MS + 1)).toEqual([]);
    // The next sign-in sweeps it away.
    await db.$transaction((tx) => createSession(tx, user.id, origin, new Date(later.getTime() + SESSION_IDLE_MS + 1)));
    expect(await db.session.findUnique({ where: { id } })).toBeNull();
  });

  it("changes the password only with the current one, and ends every other session", async () => {
    const { user, ids } = await signedIn(3);
    const session = { id: ids[0], user };
    await expect(changePassword(session, { currentPassword: "not my password", newPassword: "a brand new password" }, origin)).rejects.toMatchObject(
      { kind: "invalid_input", field: "currentPassword" },
    );
    expect(await changePassword(session, { currentPassword: PASSWORD, newPassword: "a brand new password" }, origin)).toEqual({ sessionsEnded: 2 });
    expect((await listSessions(user.id)).map((row) => row.id)).toEqual([ids[0]]);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("a brand new password", passwordHash)).toBe(true);
    expect(await db.auditEvent.count({ where: { accountId: user.id, action: { in: ["account.password_changed", "session.revoked"] } } })).toBe(2);
  });
});

describe("sudo mode", { timeout: 120_000 }, () => {
  it("lasts 15 minutes from the last time the password was given", async () => {
    const now = Date.now();
    expect(inSudoMode({ sudoAt: new Date(now - SUDO_WINDOW_MS + 1000) }, now)).toBe(true);
    expect(inSudoMode({ sudoAt: new Date(now - SUDO_WINDOW_MS) }, now)).toBe(false);
  });

  it("is renewed by the password and not by a wrong one", async () => {
    const { user, ids } = await signedIn();
    const old = new Date(Date.now() - SUDO_WINDOW_MS - 1000);
    await db.session.update({ where: { id: ids[0] }, data: { sudoAt: old } });
    expect(await confirmIdentity({ id: ids[0], user }, { password: "wrong password" }, origin)).toBe(false);
    expect(await confirmIdentity({ id: ids[0], user }, { code: "123456" }, origin)).toBe(false);
    expect(inSudoMode(await db.session.findUniqueOrThrow({ where: { id: ids[0] } }))).toBe(false);
    expect(await confirmIdentity({ id: ids[0], user }, { password: PASSWORD }, origin)).toBe(true);
    expect(inSudoMode(await db.session.findUniqueOrThrow({ where: { id: ids[0] } }))).toBe(true);
  });
});
