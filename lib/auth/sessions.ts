import { randomBytes } from "node:crypto";
import { recordAuditEvent, type RequestOrigin } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "./accounts";

// A session unused this long is over, whatever its cookie says (the cookie's own lifetime).
export const SESSION_IDLE_MS = 30 * 24 * 60 * 60 * 1000;
// Last seen is written at most this often per session, so browsing is not a write per request.
export const LAST_SEEN_INTERVAL_MS = 60 * 1000;

export type ActiveSession = { id: string; sudoAt: Date; lastSeenAt: Date; user: SessionUser; twoFactor: boolean };

export type SessionListing = { id: string; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date };

// The id the session cookie carries: 256 random bits, unguessable even though the cookie is
// itself encrypted and signed with AUTH_SECRET.
export async function createSession(tx: Prisma.TransactionClient, accountId: string, origin: RequestOrigin, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  // Finished sessions of this account go here, so the table stays as small as its live sessions.
  await tx.session.deleteMany({ where: { accountId, lastSeenAt: { lt: new Date(now.getTime() - SESSION_IDLE_MS) } } });
  await tx.session.create({
    data: { id, accountId, ip: origin.ip, userAgent: origin.userAgent?.slice(0, 512) ?? null, createdAt: now, lastSeenAt: now, sudoAt: now },
  });
  return id;
}

// One indexed read per request, the account included: the session must still exist (not signed
// out or revoked), belong to the account in the cookie, and have been used recently.
export async function findActiveSession(sessionId: string, accountId: string, now = Date.now()): Promise<ActiveSession | null> {
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: { id: true, accountId: true, sudoAt: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true, totpEnabledAt: true } } },
  });
  if (!row || row.accountId !== accountId || row.lastSeenAt.getTime() < now - SESSION_IDLE_MS) return null;
  const { totpEnabledAt, ...user } = row.user;
  return { id: row.id, sudoAt: row.sudoAt, lastSeenAt: row.lastSeenAt, user, twoFactor: totpEnabledAt !== null };
}

export function lastSeenIsStale(session: Pick<ActiveSession, "lastSeenAt">, now = Date.now()): boolean {
  return session.lastSeenAt.getTime() < now - LAST_SEEN_INTERVAL_MS;
}

// Conditional, so of several instances or parallel requests only one writes per minute.
export async function touchSession(sessionId: string, origin: RequestOrigin, now = new Date()): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - LAST_SEEN_INTERVAL_MS) } },
    data: { lastSeenAt: now, ip: origin.ip, userAgent: origin.userAgent?.slice(0, 512) ?? null },
  });
}

export async function listSessions(accountId: string, now = Date.now()): Promise<SessionListing[]> {
  return db.session.findMany({
    where: { accountId, lastSeenAt: { gte: new Date(now - SESSION_IDLE_MS) } },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
}

// Sign out: the cookie's session ends here, so a copy of the cookie no longer works.
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

export async function revokeSession(accountId: string, sessionId: string, origin: RequestOrigin): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, accountId } });
    if (count > 0) await recordAuditEvent(tx, { accountId, action: "session.revoked", origin });
    return count > 0;
  });
}

// Every session of the account but `keepId`; returns how many ended.
export async function revokeOtherSessions(tx: Prisma.TransactionClient, accountId: string, keepId: string, origin: RequestOrigin): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { accountId, id: { not: keepId } } });
  if (count > 0) await recordAuditEvent(tx, { accountId, action: "session.revoked", origin });
  return count;
}

export async function markSudo(sessionId: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId }, data: { sudoAt: now } });
}
