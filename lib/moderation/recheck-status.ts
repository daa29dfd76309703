import type { Viewer } from "@/lib/auth/viewer";
import { decideInitialStatus } from "@/lib/comments/decide-initial-status";

type Current = { status: string; holdReasons: string[] };

/**
 * An edit, or a note made public, passes the same moderation rules as a new post (links, reviewed
 * words, first-contribution hold): what would hold a new post holds the changed one. A pass never
 * releases an item a rule or a moderator already holds. Returns the new status and reasons, or null
 * when nothing changes (items a moderator removed are not touched).
 */
export async function recheckStatus(viewer: Viewer, content: { body: string; articleId: string }, current: Current) {
  if (current.status !== "approved" && current.status !== "pending") return null;
  const decision = await decideInitialStatus(viewer, content);
  if (decision.status === "approved") return null;
  const kept = current.status === "pending" ? current.holdReasons : [];
  return { status: decision.status, holdReasons: [...new Set([...kept, ...decision.reasons])] };
}
