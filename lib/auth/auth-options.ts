import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { originOf } from "@/lib/client-address/client-address";
import { signInSchema } from "./schemas";
import { endSession } from "./sessions";
import { signInWithPassword } from "./sign-in";

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions in next-auth. The token holds the user id and the id
  // of a server-side session row that every request checks (lib/auth/session.ts), so sign out,
  // Change password and revoking a session end it at once; the JWT alone is not enough.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        // Throws when throttled or when a second factor is needed; next-auth hands the message to the form.
        return signInWithPassword(parsed.data, originOf(request.headers));
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid);
    },
  },
};
