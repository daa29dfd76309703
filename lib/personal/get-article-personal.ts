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
  const article = await findArticleForDiscussion(slug);
  const settings = await getSettings();
  const base = { slug: article.slug, editWindowMs: settings.editWindowMs, linkHoldThreshold: settings.linkHoldThreshold };
  if (!viewer) {
    return { ...base, viewer: null, ban: null, canComment: false, canAnnotate: false, liked: [] as string[], own: [] as OwnComment[], held: [] as HeldComment[], notes: [] as unknown[] };
  }
  const now = clock.now();
  const editableSince = new Date(now.getTime() - settings.editWindowMs);
  const [ban, pending, liked, own, held, notes] = await Promise.all([
    viewerBan(viewer),
    isBoard(viewer.role) ? queueCounts().then((c) => c.pending) : Promise.resolve(null),
    db.commentLike.findMany({ where: { userId: viewer.id, comment: { articleId: article.id } }, select: { commentId: true } }),
    // Own comments still in the edit window carry their Markdown source (the Edit form's text);
    // older ones only their id (Delete).
    db.comment.findMany({
      where: { articleId: article.id, authorId: viewer.id, status: { in: ["approved", "pending"] } },
      select: { id: true, createdAt: true, body: true }, orderBy: { createdAt: "asc" }, take: 5_000,
    }),
    db.comment.findMany({
      where: { articleId: article.id, authorId: viewer.id, status: "pending" },
      select: commentFields, orderBy: { createdAt: "asc" }, take: 500,
    }),
    db.annotation.findMany({
      where: { articleId: article.id, authorId: viewer.id, OR: [{ audience: "private", status: "approved" }, { status: "pending" }] },
      select: annotationFields, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 5_000,
    }),
  ]);
  const notice = ban ? banNotice(ban) : null;
  return {
    ...base,
    viewer: { id: viewer.id, name: viewer.name, role: viewer.role, links: roleLinks(viewer.role), pending },
    ban: ban ? { notice, until: ban.until?.toISOString() ?? null } : null,
    canComment: article.commentsOpen && !ban,
    canAnnotate: article.annotationsOpen && !ban,
    liked: liked.map((l) => l.commentId),
    own: own.map((c): OwnComment => {
      const editable = c.createdAt > editableSince;
      return { id: c.id, editableUntil: editable ? new Date(c.createdAt.getTime() + settings.editWindowMs).toISOString() : null, body: editable ? c.body : null };
    }),
    held: held.map((c): HeldComment => ({ ...commentJson(c), reasons: c.holdReasons, explanation: explainHold(c.holdReasons, settings.linkHoldThreshold) })),
    notes: notes.map((n) => annotationJson(n, { withContext: false })),
  };
}

export type OwnComment = { id: string; editableUntil: string | null; body: string | null };
export type HeldComment = ReturnType<typeof commentJson> & { reasons: string[]; explanation: string[] };
export type ArticlePersonal = Awaited<ReturnType<typeof getArticlePersonal>>;
