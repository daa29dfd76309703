import crypto from "node:crypto";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";

export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

// A session row per signed-in browser; its token travels inside the signed JWT.
export async function openSession(userId: string, userAgent?: string | null) {
  const sessionToken = crypto.randomBytes(24).toString("base64url");
  await db.session.create({
    data: {
      sessionToken,
      userId,
      userAgent: userAgent?.slice(0, 200) ?? null,
      expires: new Date(clock.now().getTime() + sessionMaxAgeSeconds * 1000),
    },
  });
  return sessionToken;
}

/** The live user of a session token, or null when the session was ended or the account deleted. */
export async function userOfSession(sessionToken: string) {
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: {
      expires: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          status: true,
          bannedUntil: true,
          deletedAt: true,
          image: true,
        },
      },
    },
  });
  if (!session || session.expires < clock.now() || session.user.deletedAt) return null;
  return session.user;
}

export async function closeSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken } });
}

export async function closeAllSessions(userId: string) {
  await db.session.deleteMany({ where: { userId } });
}
