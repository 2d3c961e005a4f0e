import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientThrottleKey } from "@/lib/client-address/client-address";
import { authenticate } from "./accounts";
import { signInSchema } from "./schemas";
import { assertSignInAllowed, recordFailedSignIn } from "./sign-in-throttle";

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions in next-auth; the token holds only the user id.
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        // A plain object of the request's headers, as scripts/server.mjs left them.
        const ip = clientThrottleKey(request.headers);
        // Throws when throttled; next-auth hands the message to the sign-in form.
        assertSignInAllowed(parsed.data.email, ip);
        const user = await authenticate(parsed.data);
        if (!user) recordFailedSignIn(parsed.data.email, ip);
        return user;
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
