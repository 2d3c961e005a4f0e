import { cookies } from "next/headers";

// next-auth's JWT session cookie, possibly split into numbered chunks, with or without the
// __Secure- prefix it uses on https.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

// Signing out of a JWT session is forgetting the cookie that holds it. Done by a server action,
// which Next.js only runs for a same-origin POST, so another site cannot sign the owner out.
export async function clearSessionCookie() {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!SESSION_COOKIE.test(name)) continue;
    // A __Secure- cookie can only be overwritten by a Set-Cookie that is itself Secure.
    jar.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
}
