import { commentBodyFromWordpress } from "./comment-body";
import { htmlToText } from "./html-to-text";
import { parseWpDate } from "./wxr-dates";
import type { WxrComment } from "./wxr-item";

export type ImportedCommentStatus = "approved" | "pending" | "trash" | "spam";

export type PlannedComment = {
  importKey: string;
  wpId: string;
  /** The nearest ancestor that is imported too (a reply to a skipped comment moves up to it). */
  parentWpId: string | null;
  authorName: string;
  body: string;
  html: string;
  status: ImportedCommentStatus;
  createdAt: Date;
  /** Spam is never created, but a comment imported before and marked spam since is updated. */
  createIfMissing: boolean;
};

export type SkippedComments = { spam: number; pingbacks: number; trackbacks: number; otherComments: number };

const statusOf: Record<string, ImportedCommentStatus> = {
  "1": "approved",
  approve: "approved",
  "0": "pending",
  hold: "pending",
  trash: "trash",
  "post-trashed": "trash",
  spam: "spam",
};

/**
 * A post's comments in the order they can be written: every parent before its replies, whatever
 * the order in the file. Pingbacks, trackbacks and other types (WordPress's editorial notes…) are
 * skipped; spam is skipped unless an earlier import brought it in. Threading follows
 * wp:comment_parent; a reply whose parent is skipped or missing hangs from the nearest imported
 * ancestor, or starts a thread.
 */
export function planComments(
  comments: WxrComment[],
  siteUrl: string,
  fallbackDate: Date,
): { planned: PlannedComment[]; skipped: SkippedComments } {
  const skipped: SkippedComments = { spam: 0, pingbacks: 0, trackbacks: 0, otherComments: 0 };
  const byId = new Map<string, WxrComment>();
  for (const c of comments) if (/^\d+$/.test(c.id) && !byId.has(c.id)) byId.set(c.id, c);

  const threaded = new Map<string, WxrComment>();
  for (const c of byId.values()) {
    const type = c.type || "comment";
    if (type === "pingback") skipped.pingbacks++;
    else if (type === "trackback") skipped.trackbacks++;
    else if (type !== "comment") skipped.otherComments++;
    else if ((statusOf[c.approved] ?? "pending") === "spam") skipped.spam++;
    else threaded.set(c.id, c);
  }

  const parentOf = new Map<string, string | null>();
  for (const c of threaded.values()) {
    const seen = new Set([c.id]);
    let up = byId.get(c.parent);
    while (up && !threaded.has(up.id) && !seen.has(up.id)) {
      seen.add(up.id);
      up = byId.get(up.parent);
    }
    parentOf.set(c.id, up && threaded.has(up.id) && !seen.has(up.id) ? up.id : null);
  }
  const depthOf = depths(parentOf);
  const ordered = [...threaded.values()]
    .map((c, index) => ({ c, index, depth: depthOf.get(c.id)! }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index);

  const planned: PlannedComment[] = ordered.map(({ c }) =>
    plan(c, parentOf.get(c.id) ?? null, siteUrl, fallbackDate, true),
  );
  for (const c of byId.values()) {
    if ((c.type || "comment") === "comment" && statusOf[c.approved] === "spam")
      planned.push(plan(c, null, siteUrl, fallbackDate, false));
  }
  return { planned, skipped };
}

function plan(
  c: WxrComment,
  parentWpId: string | null,
  siteUrl: string,
  fallbackDate: Date,
  createIfMissing: boolean,
): PlannedComment {
  const { body, html } = commentBodyFromWordpress(c.content);
  return {
    importKey: `${siteUrl}#comment-${c.id}`,
    wpId: c.id,
    parentWpId,
    authorName: htmlToText(c.author).slice(0, 120) || "Anonymous",
    body,
    html,
    status: statusOf[c.approved] ?? "pending",
    createdAt: parseWpDate(c.dateGmt) ?? parseWpDate(c.date) ?? fallbackDate,
    createIfMissing,
  };
}

// Each comment's depth, walking up iteratively (a 10,000-reply chain must not overflow the stack).
// A loop in corrupt data (A → B → A) is cut: the comment that closes it starts a thread.
function depths(parentOf: Map<string, string | null>): Map<string, number> {
  const depthOf = new Map<string, number>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let id: string | null = start;
    while (id !== null && !depthOf.has(id)) {
      if (onPath.has(id)) {
        parentOf.set(path.at(-1)!, null);
        id = null;
        break;
      }
      path.push(id);
      onPath.add(id);
      id = parentOf.get(id) ?? null;
    }
    let depth = id !== null ? depthOf.get(id)! : -1;
    for (let i = path.length - 1; i >= 0; i--) {
      const parent = parentOf.get(path[i]) ?? null;
      depth = parent === null ? 0 : depth + 1;
      depthOf.set(path[i], depth);
    }
  }
  return depthOf;
}
