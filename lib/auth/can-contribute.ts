import { formatUtc } from "@/lib/dates/format-utc";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isBanned } from "./is-banned";
import { requireViewer, type Viewer } from "./viewer";

export { isBanned };

/** What a write needs to know of its author besides the ban (posting: the moderation rules, the author shown). */
export type ContributorProfile = {
  name: string;
  image: string | null;
  trustedAt: Date | null;
  emailConfirmed: boolean;
};

// Posting, editing, reacting and reporting need a live, unbanned account; the ban is read from
// the database here, at the moment of the write.
export async function requireContributor(viewer: Viewer | null): Promise<Viewer> {
  return (await requireContributorProfile(viewer)).me;
}

/**
 * `requireContributor` that also gives what a new post needs of its author (one read of the
 * account: the ban, the moderation rules' standing, the name and picture shown with the post).
 */
export async function requireContributorProfile(
  viewer: Viewer | null,
): Promise<{ me: Viewer; profile: ContributorProfile }> {
  const me = requireViewer(viewer);
  const fresh = await db.user.findUnique({
    where: { id: me.id },
    select: {
      status: true,
      bannedUntil: true,
      banReason: true,
      deletedAt: true,
      role: true,
      name: true,
      image: true,
      trustedAt: true,
      emailConfirmed: true,
    },
  });
  if (!fresh || fresh.deletedAt) throw new AppError("unauthorized", "Sign in first.");
  if (isBanned(fresh)) {
    const until = fresh.bannedUntil ? ` until ${formatUtc(fresh.bannedUntil)}` : "";
    throw new AppError(
      "forbidden",
      `Your account is banned${until}${fresh.banReason ? `: ${fresh.banReason}` : ""}. You can read, but not post, edit, react or report.`,
    );
  }
  return {
    me: { ...me, role: fresh.role, name: fresh.name },
    profile: {
      name: fresh.name,
      image: fresh.image,
      trustedAt: fresh.trustedAt,
      emailConfirmed: fresh.emailConfirmed,
    },
  };
}

export type Ban = { until: Date | null; reason: string | null };

/** The viewer's ban while it is in force (read fresh: the reason is not in the session), else null. */
export async function viewerBan(viewer: Viewer | null): Promise<Ban | null> {
  if (!viewer || viewer.status !== "banned") return null;
  const fresh = await db.user.findUnique({
    where: { id: viewer.id },
    select: { status: true, bannedUntil: true, banReason: true },
  });
  if (!fresh || !isBanned(fresh)) return null;
  return { until: fresh.bannedUntil, reason: fresh.banReason };
}

/** What a banned reader sees where they would write. */
export function banNotice(ban: Ban): string {
  const when = ban.until ? `until ${formatUtc(ban.until)}` : "permanently";
  return `You are banned from commenting ${when}${ban.reason ? `: ${ban.reason}` : "."}`;
}
