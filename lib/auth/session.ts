import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { findAccount, type SessionUser } from "./accounts";
import { authOptions } from "./auth-options";

// Reads the account on every call, so a deleted account loses access at once.
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  return id ? findAccount(id) : null;
}

export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
