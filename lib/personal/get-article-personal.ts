import { createHash } from "node:crypto";
import { type AnnotationRow, annotationJson } from "@/lib/annotations/annotation-json";
import { groupNotesVisibleText, onBoard } from "@/lib/annotations/visibility";
import { banNotice, isBanned } from "@/lib/auth/can-contribute";
import { editRights } from "@/lib/auth/edit-rights";
import { roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { commentJson } from "@/lib/comments/comment-json";
import type { commentFields } from "@/lib/comments/create-comment";
import { dbPool } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { boardGroupId, boardGroupName } from "@/lib/groups/board-group";
import { explainHold } from "@/lib/moderation/explain-hold";
import { moderationBadge } from "@/lib/moderation/list-queue";
import { defaultSettings, type Settings } from "@/lib/settings/get-settings";

/** A link in the header's account area, by role. */
export type RoleLink = { href: string; label: string };

/** The board's links a role sees in the header (Studio, Import, Moderation). */
export function roleLinks(role: Viewer["role"]): RoleLink[] {
  return [
    ...(roleCan(role, "articles.create_draft") ? [{ href: "/studio", label: "Studio" }] : []),
    ...(roleCan(role, "imports.run") ? [{ href: "/import", label: "Import" }] : []),
    ...(roleCan(role, "moderation.read") ? [{ href: "/moderation", label: "Moderation" }] : []),
  ];
}

/**
 * Everything about one article page that depends on who is reading it: the page's HTML is the same
 * for everyone (and cached), and the browser asks for this once after it arrives. Anonymous
 * viewers get `viewer: null` and nothing else personal. Only the viewer's own data is ever read.
 */
export async function getArticlePersonal(viewer: Viewer | null, slug: string) {
  return personalOf(viewer, await readPersonalRows(slug, { userId: viewer?.id ?? null }));
}

/**
 * The same for the holder of a session token (from a verified session cookie): the session row
 * and its user are read in the same single query as the rest (an ended session, an expired one or
 * a deleted account reads as anonymous, as readSessionViewer does).
 */
export async function getArticlePersonalOfSession(sessionToken: string, slug: string) {
  const rows = await readPersonalRows(slug, { sessionToken });
  return personalOf(rows.viewer, rows);
}

async function personalOf(
  viewer: Viewer | null,
  {
    article,
    settings,
    liked,
    mine,
    notes,
    noteRights,
    unread,
    following,
    unconfirmed,
    ban: banRow,
    groups,
    role,
  }: PersonalRows,
) {
  const base = {
    slug: article.slug,
    editWindowMs: settings.editWindowMs,
    linkHoldThreshold: settings.linkHoldThreshold,
  };
  if (!viewer) {
    return {
      ...base,
      following: false,
      unconfirmed: false,
      viewer: null,
      ban: null,
      canComment: false,
      canAnnotate: false,
      liked: [] as string[],
      own: [] as OwnComment[],
      held: [] as HeldComment[],
      notes: [] as unknown[],
      noteRights: [] as NoteRights[],
      groups: [] as PersonalGroup[],
    };
  }
  const now = clock.now();
  // The header's notification count, the article's Follow button (issue 15) and the ban (read
  // fresh: its reason is not in the session) come with the layer's one query (readPersonalRows).
  const ban =
    banRow && isBanned({ status: "banned", bannedUntil: banRow.bannedUntil }, now)
      ? { until: banRow.bannedUntil, reason: banRow.banReason }
      : null;
  const pending = roleCan(viewer.role, "moderation.read") ? (await moderationBadge(viewer.role)).total : null;
  return {
    ...base,
    following,
    // The comment and note forms say before posting that it will wait for the confirmation.
    unconfirmed,
    viewer: { id: viewer.id, name: viewer.name, role: viewer.role, links: roleLinks(viewer.role), pending, unread },
    ban: ban ? { notice: banNotice(ban), until: ban.until?.toISOString() ?? null } : null,
    canComment: article.commentsOpen && !ban,
    canAnnotate: article.annotationsOpen && !ban,
    liked,
    // Delete: every own comment; Edit: those still in the window, with their Markdown source.
    own: mine.map((c): OwnComment => {
      // The edit window's one home (lib/auth/edit-rights.ts), as the lists use it.
      const { canEdit, editableUntil } = editRights(
        viewer,
        { authorId: viewer.id, createdAt: c.createdAt, status: c.status },
        settings.editWindowMs,
        now,
      );
      return {
        id: c.id,
        editableUntil: canEdit ? (editableUntil?.toISOString() ?? null) : null,
        body: canEdit ? c.body : null,
      };
    }),
    // Held: only their author ever sees them, with why they are held.
    held: mine
      .filter((c) => c.status === "pending")
      .map(
        (c): HeldComment => ({
          ...commentJson(c),
          reasons: c.holdReasons,
          explanation: explainHold(c.holdReasons, settings.linkHoldThreshold),
        }),
      ),
    // Their private and held notes, and the notes of the groups they are in (issue 19): never on the shared page.
    notes: notes.map((n) => annotationJson(n, { withContext: false })),
    // The margin's audience switcher: each group they may write to (the board's first, by role);
    // `runs`: they may remove its notes (its owner; the board's moderators).
    groups: [
      ...(onBoard(role ?? viewer.role)
        ? [
            {
              id: boardGroupId,
              name: boardGroupName,
              kind: "board" as const,
              runs: roleCan(role ?? viewer.role, "comments.moderate"),
            },
          ]
        : []),
      ...groups,
    ],
    // Edit on the viewer's notes (the shared page's public ones carry no rights: it has no viewer).
    noteRights: noteRights.map((n): NoteRights => {
      const { canEdit, editableUntil } = editRights(
        viewer,
        { authorId: viewer.id, createdAt: n.createdAt, status: n.status, audience: n.audience },
        settings.editWindowMs,
        now,
      );
      return { id: n.id, canEdit, editableUntil: editableUntil?.toISOString() ?? null };
    }),
  };
}

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentFields }>;

// Dates come back from json_build_object as ISO text without a zone (Prisma stores UTC). They are
// turned into Dates where the layer has them — not with a JSON.parse reviver, which called back for
// every value and cost three times the parse itself.
const toDate = (value: unknown) => (typeof value === "string" ? new Date(`${value}Z`) : value);
type Loose = Record<string, unknown> & { author?: Record<string, unknown> | null };
function withDates(rows: Record<string, unknown>) {
  const fix = (o: Loose | null | undefined, keys: string[]) => {
    if (!o) return;
    for (const k of keys) if (k in o) o[k] = toDate(o[k]);
    if (o.author) o.author.deletedAt = toDate(o.author.deletedAt);
  };
  fix(rows.viewer as Loose, ["bannedUntil"]);
  fix(rows.ban as Loose, ["bannedUntil"]);
  for (const c of rows.mine as Loose[]) fix(c, ["createdAt", "editedAt"]);
  for (const n of rows.notes as Loose[]) fix(n, ["createdAt", "updatedAt", "editedAt"]);
  for (const n of rows.noteRights as Loose[]) fix(n, ["createdAt"]);
  return rows;
}

// The query, by session token ($1) or by user id ($1, null for nobody); $2 is now, $3 the slug.
// Sent as named prepared statements: PostgreSQL plans them once per connection.
function personalQuery(me: string, viewer: string) {
  const userId = `(SELECT id FROM me)`;
  // The viewer's role as stored (the board's group follows it), read once for the whole statement.
  const viewerRole = `(SELECT u2.role::text FROM "User" u2 WHERE u2.id = ${userId})`;
  return `
    WITH me AS (${me}), art AS (
      SELECT id, slug, "commentsOpen", "annotationsOpen" FROM "Article"
      WHERE slug = $3 AND status = 'published' AND "publishedAt" <= $2::timestamp LIMIT 1
    )
    SELECT json_build_object(
      'viewer', ${viewer},
      'article', (SELECT row_to_json(art) FROM art),
      'unread', (SELECT count(*) FROM "Notification" n WHERE n."userId" = ${userId} AND n."readAt" IS NULL),
      'ban', (SELECT json_build_object('bannedUntil', u."bannedUntil", 'banReason', u."banReason") FROM "User" u
              WHERE u.id = ${userId} AND u.status = 'banned'),
      'unconfirmed', EXISTS (SELECT 1 FROM "User" u WHERE u.id = ${userId} AND NOT u."emailConfirmed"),
      'following', EXISTS (SELECT 1 FROM "ArticleFollow" f WHERE f."userId" = ${userId} AND f."articleId" = (SELECT id FROM art)),
      'settings', (SELECT coalesce(json_object_agg(key, value), '{}') FROM "Setting" WHERE key IN ('editWindowMs', 'linkHoldThreshold')),
      'liked', (SELECT coalesce(json_agg(l."commentId"), '[]') FROM "CommentLike" l JOIN "Comment" c ON c.id = l."commentId"
                WHERE l."userId" = ${userId} AND c."articleId" = (SELECT id FROM art)),
      'mine', (SELECT coalesce(json_agg(x ORDER BY x."createdAt", x.id), '[]') FROM (
                SELECT c.id, c."articleId", c."parentId", c."threadId", c.depth, c.body, c.html, c.status, c."holdReasons", c."likeCount",
                       c."createdAt", c."editedAt", c."authorName",
                       json_build_object('id', u.id, 'name', u.name, 'image', u.image, 'deletedAt', u."deletedAt") AS author
                FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
                WHERE c."articleId" = (SELECT id FROM art) AND c."authorId" = ${userId} AND c.status IN ('approved', 'pending')
                ORDER BY c."createdAt", c.id LIMIT 2000) x),
      'notes', (SELECT coalesce(json_agg(x ORDER BY x."createdAt", x.id), '[]') FROM (
                SELECT a.id, a."articleId", a."authorId", a."parentId", a."threadId", a.motivation, a.audience, a."groupId", a.body, a.html, a.tags, a.color,
                       a.status, a."holdReasons", a.exact, a.prefix, a.suffix, a.start, a."end", a."blockId", a."anchorRevisionId", a.state,
                       a."originalExact", a.version, a."createdAt", a."updatedAt", a."editedAt",
                       json_build_object('id', u.id, 'name', u.name, 'image', u.image, 'deletedAt', u."deletedAt") AS author,
                       json_build_object('slug', ar.slug) AS article
                FROM "Annotation" a JOIN "User" u ON u.id = a."authorId" JOIN "Article" ar ON ar.id = a."articleId"
                WHERE a."articleId" = (SELECT id FROM art)
                  AND ((a."authorId" = ${userId} AND ((a.audience <> 'public' AND a.status = 'approved') OR a.status = 'pending'))
                    OR ${groupNotesVisibleText("a", userId, viewerRole)})
                ORDER BY a."createdAt", a.id LIMIT 5000) x),
      'groups', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'kind', g.kind, 'runs', gm.role = 'owner') ORDER BY g.name, g.id), '[]')
                FROM "GroupMember" gm JOIN "Group" g ON g.id = gm."groupId"
                WHERE gm."userId" = ${userId} AND gm."leftAt" IS NULL AND g.kind = 'custom'),
      'role', ${viewerRole},
      'noteRights', (SELECT coalesce(json_agg(x), '[]') FROM (
                SELECT a.id, a.audience, a.status, a."createdAt" FROM "Annotation" a
                WHERE a."articleId" = (SELECT id FROM art) AND a."authorId" = ${userId} AND a.status IN ('approved', 'pending')
                LIMIT 10000) x)
    )::text AS payload`;
}
const named = (variant: string, text: string) => ({
  name: `gloss_personal_${variant}_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`,
  text,
});
// The viewer: the live user of a session (lib/users/sessions.ts userOfSession's rules), or given.
const bySession = named(
  "session",
  personalQuery(
    `SELECT u.id, u.name, u.email, u.role, u.status, u."bannedUntil" FROM "Session" s JOIN "User" u ON u.id = s."userId"
        WHERE s."sessionToken" = $1 AND s.expires >= $2::timestamp AND u."deletedAt" IS NULL LIMIT 1`,
    `(SELECT row_to_json(me) FROM me)`,
  ),
);
const byUser = named("user", personalQuery(`SELECT $1::text AS id`, `NULL`));

/**
 * The article (published, as findArticleForDiscussion finds it), the two settings the layer needs,
 * and what is the viewer's own on it — the comments they liked, their comments (held ones
 * included), their private notes, highlights and held notes — in one round trip: this runs after
 * every page view, and an ORM query each cost most of its CPU. It is sent to PostgreSQL as a named
 * prepared statement (straight on the pool under Prisma): planning this many subqueries on every
 * call cost more of PostgreSQL's CPU than running them (0.5 ms of ~0.8 ms); prepared, each
 * connection plans it once.
 */
type PersonalRows = Awaited<ReturnType<typeof readPersonalRows>>;

async function readPersonalRows(slug: string, who: { userId: string | null } | { sessionToken: string }) {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) throw new AppError("not_found", "No published article has that address.");
  const now = clock.now().toISOString();
  const [statement, values] =
    "sessionToken" in who ? [bySession, [who.sessionToken, now, slug]] : [byUser, [who.userId, now, slug]];
  const {
    rows: [row],
  } = await dbPool().query<{ payload: string }>({ ...statement, values });
  const rows = withDates(JSON.parse(row.payload)) as {
    viewer: Viewer | null;
    unread: number;
    /** The viewer signed up and has not confirmed the address yet: what they post waits for it. */
    unconfirmed: boolean;
    following: boolean;
    ban: { bannedUntil: Date | null; banReason: string | null } | null;
    article: { id: string; slug: string; commentsOpen: boolean; annotationsOpen: boolean } | null;
    settings: Partial<Pick<Settings, "editWindowMs" | "linkHoldThreshold">>;
    liked: string[];
    mine: CommentRow[];
    notes: AnnotationRow[];
    noteRights: { id: string; audience: string; status: string; createdAt: Date }[];
    groups: PersonalGroup[];
    role: string | null;
  };
  if (!rows.article) throw new AppError("not_found", "No published article has that address.");
  return {
    ...rows,
    article: rows.article,
    settings: {
      editWindowMs: rows.settings.editWindowMs ?? defaultSettings.editWindowMs,
      linkHoldThreshold: rows.settings.linkHoldThreshold ?? defaultSettings.linkHoldThreshold,
    },
  };
}

/** A group the viewer may write to; `runs`: they may remove its notes (its owner; the board's moderators). */
export type PersonalGroup = { id: string; name: string; kind: "custom" | "board"; runs: boolean };
export type NoteRights = { id: string; canEdit: boolean; editableUntil: string | null };
export type OwnComment = { id: string; editableUntil: string | null; body: string | null };
export type HeldComment = ReturnType<typeof commentJson> & { reasons: string[]; explanation: string[] };
export type ArticlePersonal = Awaited<ReturnType<typeof getArticlePersonal>>;
