import { getServerSession } from "next-auth";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { cache } from "react";
import { requestOrigin } from "@/lib/actions/request-origin";
import type { SessionUser } from "./accounts";
import { authOptions } from "./auth-options";
import { findActiveSession, lastSeenIsStale, touchSession, type ActiveSession } from "./sessions";

// The session row and its account in one read, once per request (layout, page and actions share
// it): a signed-out, revoked or deleted session loses access at once, on every instance.
export const currentSession = cache(async (): Promise<ActiveSession | null> => {
  const session = await getServerSession(authOptions);
  const accountId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!accountId || !sessionId) return null;
  const active = await findActiveSession(sessionId, accountId);
  if (active && lastSeenIsStale(active)) {
    const origin = await requestOrigin();
    // After the response: the once-a-minute write never delays a page.
    after(() => touchSession(active.id, origin).catch((error) => console.error("session last-seen update failed", error)));
  }
  return active;
});

export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}

export async function requireSession(): Promise<ActiveSession> {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  return session;
}

export async function requireUser(): Promise<SessionUser> {
  return (await requireSession()).user;
}
