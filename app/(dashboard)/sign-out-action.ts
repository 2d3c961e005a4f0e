"use server";

import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { endSession } from "@/lib/auth/sessions";
import { clearSessionCookie } from "@/lib/auth/session-cookie";

// Ends the session on the server first, so the cookie is worthless even if a copy survives.
export async function signOut() {
  const session = await currentSession();
  if (session) await endSession(session.id);
  await clearSessionCookie();
  redirect("/sign-in");
}
