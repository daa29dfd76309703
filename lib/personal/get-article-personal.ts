import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import type { Viewer } from "@/lib/auth/viewer";
import { banNotice, viewerBan } from "@/lib/auth/can-contribute";
import { hasRole, isBoard } from "@/lib/auth/roles";
import { annotationJson, type AnnotationRow } from "@/lib/annotations/annotation-json";
import { commentJson } from "@/lib/comments/comment-json";
import type { commentFields } from "@/lib/comments/create-comment";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  const [ban, pending, { liked, mine, notes }] = await Promise.all([
    viewerBan(viewer),
    isBoard(viewer.role) ? queueCounts().then((c) => c.pending) : Promise.resolve(null),
    readOwnRows(article.id, viewer.id),
  ]);
  return {
    ...base,
    viewer: { id: viewer.id, name: viewer.name, role: viewer.role, links: roleLinks(viewer.role), pending },
    ban: ban ? { notice: banNotice(ban), until: ban.until?.toISOString() ?? null } : null,
    canComment: article.commentsOpen && !ban,
    canAnnotate: article.annotationsOpen && !ban,
    liked,
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

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentFields }>;

// Dates come back from json_build_object as ISO text without a zone (Prisma stores UTC).
const dateKeys = new Set(["createdAt", "updatedAt", "editedAt", "deletedAt"]);
const revive = (_key: string, value: unknown) => (dateKeys.has(_key) && typeof value === "string" ? new Date(`${value}Z`) : value);

/**
 * What is the viewer's own on one article — the comments they liked, their comments (held ones
 * included), their private notes, highlights and held notes — in one round trip: this runs on
 * every signed-in page view, and three ORM queries cost several times its CPU.
 */
async function readOwnRows(articleId: string, userId: string) {
  const [row] = await db.$queryRaw<{ payload: string }[]>`
    SELECT json_build_object(
      'liked', (SELECT coalesce(json_agg(l."commentId"), '[]') FROM "CommentLike" l JOIN "Comment" c ON c.id = l."commentId"
                WHERE l."userId" = ${userId} AND c."articleId" = ${articleId}),
      'mine', (SELECT coalesce(json_agg(x ORDER BY x."createdAt", x.id), '[]') FROM (
                SELECT c.id, c."articleId", c."parentId", c."threadId", c.depth, c.body, c.html, c.status, c."holdReasons", c."likeCount",
                       c."createdAt", c."editedAt", c."authorName",
                       json_build_object('id', u.id, 'name', u.name, 'image', u.image, 'deletedAt', u."deletedAt") AS author
                FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
                WHERE c."articleId" = ${articleId} AND c."authorId" = ${userId} AND c.status IN ('approved', 'pending')
                ORDER BY c."createdAt", c.id LIMIT 2000) x),
      'notes', (SELECT coalesce(json_agg(x ORDER BY x."createdAt", x.id), '[]') FROM (
                SELECT a.id, a."articleId", a."authorId", a."parentId", a."threadId", a.motivation, a.audience, a.body, a.html, a.tags, a.color,
                       a.status, a."holdReasons", a.exact, a.prefix, a.suffix, a.start, a."end", a."blockId", a."anchorRevisionId", a.state,
                       a."originalExact", a.version, a."createdAt", a."updatedAt", a."editedAt",
                       json_build_object('id', u.id, 'name', u.name, 'image', u.image, 'deletedAt', u."deletedAt") AS author,
                       json_build_object('slug', ar.slug) AS article
                FROM "Annotation" a JOIN "User" u ON u.id = a."authorId" JOIN "Article" ar ON ar.id = a."articleId"
                WHERE a."articleId" = ${articleId} AND a."authorId" = ${userId}
                  AND ((a.audience = 'private' AND a.status = 'approved') OR a.status = 'pending')
                ORDER BY a."createdAt", a.id LIMIT 5000) x)
    )::text AS payload`;
  return JSON.parse(row.payload, revive) as { liked: string[]; mine: CommentRow[]; notes: AnnotationRow[] };
}

export type OwnComment = { id: string; editableUntil: string | null; body: string | null };
export type HeldComment = ReturnType<typeof commentJson> & { reasons: string[]; explanation: string[] };
export type ArticlePersonal = Awaited<ReturnType<typeof getArticlePersonal>>;
