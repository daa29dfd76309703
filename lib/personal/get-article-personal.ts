import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import type { Viewer } from "@/lib/auth/viewer";
import { banNotice, viewerBan } from "@/lib/auth/can-contribute";
import { hasRole, isBoard } from "@/lib/auth/roles";
import { annotationFields } from "@/lib/annotations/annotation-fields";
import { annotationJson } from "@/lib/annotations/annotation-json";
import { commentJson } from "@/lib/comments/comment-json";
import { commentFields } from "@/lib/comments/create-comment";
import { findArticleForDiscussion } from "@/lib/comments/find-open-article";
import { explainHold } from "@/lib/moderation/explain-hold";
import { queueCounts } from "@/lib/moderation/list-queue";
import { getSettings } from "@/lib/settings/get-settings";

/** A link in the header's account area, by role. */
export type RoleLink = { href: string; label: string };

/** The board's links a role sees in the header (Studio, Import, Moderation). */
export function roleLinks(role: Viewer["role"]): RoleLink[] {
  return [
    ...(hasRole(role, "editor") ? [{ href: "/studio", label: "Studio" }] : []),
    ...(hasRole(role, "admin") ? [{ href: "/import", label: "Import" }] : []),
    ...(isBoard(role) ? [{ href: "/moderation", label: "Moderation" }] : []),
  ];
}

/**
 * Everything about one article page that depends on who is reading it: the page's HTML is the same
 * for everyone (and cached), and the browser asks for this once after it arrives. Anonymous
 * viewers get `viewer: null` and nothing else personal. Only the viewer's own data is ever read.
 */
export async function getArticlePersonal(viewer: Viewer | null, slug: string) {
  const [article, settings] = await Promise.all([findArticleForDiscussion(slug), getSettings()]);
  const base = { slug: article.slug, editWindowMs: settings.editWindowMs, linkHoldThreshold: settings.linkHoldThreshold };
  if (!viewer) {
    return { ...base, viewer: null, ban: null, canComment: false, canAnnotate: false, liked: [] as string[], own: [] as OwnComment[], held: [] as HeldComment[], notes: [] as unknown[] };
  }
  const editableSince = clock.now().getTime() - settings.editWindowMs;
  const [ban, pending, liked, mine, notes] = await Promise.all([
    viewerBan(viewer),
    isBoard(viewer.role) ? queueCounts().then((c) => c.pending) : Promise.resolve(null),
    db.commentLike.findMany({ where: { userId: viewer.id, comment: { articleId: article.id } }, select: { commentId: true } }),
    // The viewer's own comments here (readers write a few on an article; bounded all the same).
    db.comment.findMany({
      where: { articleId: article.id, authorId: viewer.id, status: { in: ["approved", "pending"] } },
      select: commentFields, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 2_000,
    }),
    db.annotation.findMany({
      where: { articleId: article.id, authorId: viewer.id, OR: [{ audience: "private", status: "approved" }, { status: "pending" }] },
      select: annotationFields, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 5_000,
    }),
  ]);
  return {
    ...base,
    viewer: { id: viewer.id, name: viewer.name, role: viewer.role, links: roleLinks(viewer.role), pending },
    ban: ban ? { notice: banNotice(ban), until: ban.until?.toISOString() ?? null } : null,
    canComment: article.commentsOpen && !ban,
    canAnnotate: article.annotationsOpen && !ban,
    liked: liked.map((l) => l.commentId),
    // Delete: every own comment; Edit: those still in the window, with their Markdown source.
    own: mine.map((c): OwnComment => {
      const editable = c.createdAt.getTime() > editableSince;
      return { id: c.id, editableUntil: editable ? new Date(c.createdAt.getTime() + settings.editWindowMs).toISOString() : null, body: editable ? c.body : null };
    }),
    // Held: only their author ever sees them, with why they are held.
    held: mine.filter((c) => c.status === "pending")
      .map((c): HeldComment => ({ ...commentJson(c), reasons: c.holdReasons, explanation: explainHold(c.holdReasons, settings.linkHoldThreshold) })),
    notes: notes.map((n) => annotationJson(n, { withContext: false })),
  };
}

export type OwnComment = { id: string; editableUntil: string | null; body: string | null };
export type HeldComment = ReturnType<typeof commentJson> & { reasons: string[]; explanation: string[] };
export type ArticlePersonal = Awaited<ReturnType<typeof getArticlePersonal>>;
