import { PrismaAdapter } from "@auth/prisma-adapter";
import { headers } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { authLogger } from "@/lib/auth/auth-logger";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientIp, usesSecureCookies } from "@/lib/http/client-ip";
import { authenticateWithPassword } from "@/lib/users/authenticate-with-password";
import { sendConfirmationLinkLater } from "@/lib/users/email-confirmation";
import { type GitHubProfile, githubUser, githubUserinfo } from "@/lib/users/github-profile";
import { closeSession, openSession, sessionMaxAgeSeconds, userOfSession } from "@/lib/users/sessions";

class RateLimitedSignIn extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    this.code = `rate_limited_${seconds}`;
  }
}

function providers(): NextAuthConfig["providers"] {
  const e = env();
  const list: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await authenticateWithPassword(credentials, clientIp(request.headers));
        } catch (e) {
          if (isAppError(e) && e.code === "rate_limited") throw new RateLimitedSignIn(e.retryAfterSeconds ?? 60);
          if (isAppError(e)) return null;
          throw e;
        }
      },
    }),
  ];
  // GitHub and Google say whether they verified the address: an account made from an unverified
  // one (or, for GitHub, when its address list cannot be had) must confirm it by mail like a
  // sign-up (lib/users/email-confirmation.ts; `emailConfirmed` is a User column, stored by the
  // adapter's createUser). GitHub's verdict is in /user/emails only: lib/users/github-profile.ts.
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) {
    list.push(
      GitHub({
        userinfo: {
          url: "https://api.github.com/user",
          request: ({ tokens }: { tokens: { access_token?: string } }) => githubUserinfo(tokens.access_token ?? ""),
        },
        profile: (p) => githubUser(p as GitHubProfile),
      }),
    );
  }
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) {
    list.push(
      Google({
        profile: (p) => ({
          id: p.sub,
          name: p.name,
          email: p.email,
          image: p.picture,
          emailConfirmed: p.email_verified === true,
        }),
      }),
    );
  }
  return list;
}

/** The request's headers: the one Auth.js hands over, else the current request's (server components, actions). */
async function requestHeaders(request: Request | undefined): Promise<Headers | null> {
  if (request) return request.headers;
  try {
    return await headers();
  } catch {
    return null;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => ({
  adapter: PrismaAdapter(db),
  // Secure cookies over https — also behind a TLS-terminating proxy that TRUST_PROXY believes.
  useSecureCookies: usesSecureCookies(await requestHeaders(request)),
  providers: providers(),
  secret: env().AUTH_SECRET,
  trustHost: true,
  logger: authLogger,
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/signin", error: "/signin" },
  callbacks: {
    // Every request: the session row must still exist and the account must be live; the role,
    // name and ban status are read fresh, never trusted from the token.
    async jwt({ token, user }) {
      if (user?.id) token.sid = await openSession(user.id);
      if (typeof token.sid !== "string") return null;
      let live;
      try {
        live = await userOfSession(token.sid);
      } catch (e) {
        // PostgreSQL away: keep the session as it was (Auth.js would otherwise drop it and clear the
        // cookie, signing the reader out and answering the API 401). Whatever the request goes on
        // to do needs the database too, and answers 503 with Retry-After.
        if (isDatabaseUnavailable(e)) return token;
        throw e;
      }
      if (!live) return null;
      token.sub = live.id;
      token.name = live.name;
      token.email = live.email;
      token.role = live.role;
      token.status = live.status;
      token.bannedUntil = live.bannedUntil?.toISOString() ?? null;
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.sub as string,
        name: token.name as string,
        email: token.email as string,
        role: token.role as string,
        status: token.status as string,
        bannedUntil: typeof token.bannedUntil === "string" ? token.bannedUntil : null,
      };
      return session;
    },
  },
  events: {
    async createUser({ user }) {
      if (user.id && (user as { emailConfirmed?: boolean }).emailConfirmed === false)
        sendConfirmationLinkLater(user.id);
    },
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await closeSession(sid);
    },
  },
}));
