import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { requireViewer, type Viewer } from "./viewer";
import { db } from "@/lib/db";

/** True while a ban is in force (a ban with no end date is permanent). */
export function isBanned(user: { status: string; bannedUntil: Date | null }, now = clock.now()) {
  return user.status === "banned" && (!user.bannedUntil || user.bannedUntil > now);
}

// Posting, editing, reacting and reporting need a live, unbanned account; the ban is read from
// the database here, at the moment of the write.
export async function requireContributor(viewer: Viewer | null): Promise<Viewer> {
  const me = requireViewer(viewer);
  const fresh = await db.user.findUnique({ where: { id: me.id }, select: { status: true, bannedUntil: true, banReason: true, deletedAt: true, role: true, name: true } });
  if (!fresh || fresh.deletedAt) throw new AppError("unauthorized", "Sign in first.");
  if (isBanned(fresh)) {
    const until = fresh.bannedUntil ? ` until ${fresh.bannedUntil.toUTCString()}` : "";
    throw new AppError("forbidden", `Your account is banned${until}${fresh.banReason ? `: ${fresh.banReason}` : ""}. You can read, but not post, edit, react or report.`);
  }
  return { ...me, role: fresh.role, name: fresh.name };
}
