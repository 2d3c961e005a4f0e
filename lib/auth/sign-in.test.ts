import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment } from "@/lib/two-factor/two-factor";
import { createAccount } from "./accounts";
import { findActiveSession } from "./sessions";
import { signInWithPassword } from "./sign-in";
import { TWO_FACTOR_INVALID, TWO_FACTOR_REQUIRED } from "./sign-in-steps";

import { ThrottledError } from "@/lib/errors/domain-errors";

const PASSWORD = "correct horse battery";
let ipCounter = 0;
// A fresh address per test: the per-address limit (50) must not leak between tests.
const origin = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest" });

async function account() {
  return createAccount({ name: "Ada", email: `ada-${randomUUID()}@example.com`, password: PASSWORD });
}

const auditCount = (accountId: string, action: string) => db.auditEvent.count({ where: { accountId, action } });

// Each test hashes with scrypt many times; on a loaded 2-core machine that takes seconds.
describe("signInWithPassword", { timeout: 120_000 }, () => {
  // The limits count in fixed 15-minute windows aligned to the clock; a test that ran across a
  // window's end (CI once did, at :15) would see its counts reset. The clock stands still instead.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-06-01T10:01:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("checks at most 10 of 60 parallel wrong passwords for one email; the rest are refused unchecked", async () => {
    const user = await account();
    const from = origin();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) => signInWithPassword({ email: user.email, password: `wrong password ${i}` }, { ...from, ip: `203.0.113.${i}` })),
    );
    const mismatches = outcomes.filter((outcome) => outcome.status === "fulfilled" && outcome.value === null);
    const throttled = outcomes.filter((outcome) => outcome.status === "rejected" && outcome.reason instanceof ThrottledError);
    expect(mismatches).toHaveLength(10);
    expect(throttled).toHaveLength(50);
    // Each checked password leaves one audit event: exactly 10 were checked.
    expect(await auditCount(user.id, "session.sign_in_failed")).toBe(10);
    // Even the right password waits for the window now.
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, origin())).rejects.toThrow(ThrottledError);
  });

  it("gives a successful attempt back, creates a session row and records the sign-in", async () => {
    const user = await account();
    for (let i = 0; i < 9; i++) expect(await signInWithPassword({ email: user.email, password: "wrong password" }, origin())).toBeNull();
    for (let i = 0; i < 3; i++) {
      const signedIn = await signInWithPassword({ email: user.email, password: PASSWORD }, origin());
      expect(signedIn).toMatchObject({ id: user.id, email: user.email, name: "Ada" });
      expect(await findActiveSession(signedIn!.sessionId, user.id)).toMatchObject({ id: signedIn!.sessionId, twoFactor: false });
    }
    expect(await auditCount(user.id, "session.signed_in")).toBe(3);
    // The 10th failure is still available, then the limit holds.
    expect(await signInWithPassword({ email: user.email, password: "wrong password" }, origin())).toBeNull();
    await expect(signInWithPassword({ email: user.email, password: "wrong password" }, origin())).rejects.toThrow(ThrottledError);
  });

  it("returns null for an unknown email without recording anything", async () => {
    expect(await signInWithPassword({ email: `nobody-${randomUUID()}@example.com`, password: PASSWORD }, origin())).toBeNull();
  });

  it("asks for a second factor after the right password, accepts a TOTP code once and a recovery code once", async () => {
    const user = await account();
    const { secret } = await beginTwoFactorEnrolment(user.id);
    const codeAt = (timestamp: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });
    const recoveryCodes = (await confirmTwoFactorEnrolment(user.id, codeAt(Date.now() - 30_000), origin()))!;
    expect(recoveryCodes).toHaveLength(10);

    // A wrong password still says only "no match", whether or not two-factor is on.
    expect(await signInWithPassword({ email: user.email, password: "wrong password" }, origin())).toBeNull();
    await expect(signInWithPassword({ email: user.email, password: PASSWORD }, origin())).rejects.toThrow(TWO_FACTOR_REQUIRED);
    await expect(signInWithPassword({ email: user.email, password: PASSWORD, code: "000000" }, origin())).rejects.toThrow(TWO_FACTOR_INVALID);

    const code = codeAt(Date.now());
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code }, origin())).toMatchObject({ id: user.id });
    // The same code again (say, watched over a shoulder) is refused.
    await expect(signInWithPassword({ email: user.email, password: PASSWORD, code }, origin())).rejects.toThrow(TWO_FACTOR_INVALID);

    const [recovery] = recoveryCodes;
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, code: recovery.toUpperCase() }, origin())).toMatchObject({ id: user.id });
    await expect(signInWithPassword({ email: user.email, password: PASSWORD, code: recovery }, origin())).rejects.toThrow(TWO_FACTOR_INVALID);
    expect(await auditCount(user.id, "two_factor.recovery_code_used")).toBe(1);
    expect(await auditCount(user.id, "two_factor.enabled")).toBe(1);
    expect(await db.recoveryCode.count({ where: { accountId: user.id, usedAt: null } })).toBe(9);
    // Stored hashed, and the TOTP secret sealed.
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).toMatch(/^v1\./);
    expect(stored.totpSecret).not.toContain(secret);
    const hashes = (await db.recoveryCode.findMany({ where: { accountId: user.id } })).map((row) => row.hash);
    for (const plain of recoveryCodes) expect(hashes.join()).not.toContain(plain.replaceAll("-", ""));
  });

  it("counts wrong second factors against the limit, so codes cannot be guessed faster than passwords", async () => {
    const user = await account();
    const { secret } = await beginTwoFactorEnrolment(user.id);
    await confirmTwoFactorEnrolment(user.id, TOTP.generate({ secret: Secret.fromBase32(secret) }), origin());
    for (let i = 0; i < 10; i++) {
      await expect(signInWithPassword({ email: user.email, password: PASSWORD, code: String(100000 + i) }, origin())).rejects.toThrow(TWO_FACTOR_INVALID);
    }
    await expect(signInWithPassword({ email: user.email, password: PASSWORD, code: "123456" }, origin())).rejects.toThrow(ThrottledError);
    expect(await auditCount(user.id, "session.sign_in_failed")).toBe(10);
  });
});
