import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { queueAudience } from "./queue-audience";

export type QueueStatus = "pending" | "approved" | "spam" | "trash";
/**
 * A tab of the queue: a status, or "reported" — items readers reported whose reports no
 * moderator has dismissed, pending or approved (under the hiding threshold a reported item stays
 * approved, and in no other tab a moderator reads first). Spam and Trash are already dealt with.
 */
export type QueueView = QueueStatus | "reported";
const reportedStatuses = ["pending", "approved"] as const;
const hasOpenReport = { reports: { some: { dismissedAt: null } } } as const;
type Filters = {
  status: QueueView;
  type?: "comment" | "annotation";
  article?: string;
  author?: string;
  reason?: string;
  cursor?: string | null;
  take?: number;
};

const authorSelect = {
  select: { id: true, name: true, email: true, createdAt: true, status: true, bannedUntil: true, deletedAt: true },
} as const;
// What the moderators read beside an item: the readers' open reports (with their reasons) and
// the earlier versions of an edited item, oldest first.
const openReports = {
  where: { dismissedAt: null },
  orderBy: { createdAt: "asc" },
  take: 20,
  select: { id: true, reason: true, note: true, createdAt: true, reporter: { select: { name: true } } },
} as const;
const earlierVersions = {
  orderBy: { createdAt: "asc" },
  take: 20,
  select: { id: true, body: true, createdAt: true },
} as const;
// What an item of either kind carries into the queue (each kind adds its own few fields).
const itemFields = {
  id: true,
  status: true,
  holdReasons: true,
  body: true,
  html: true,
  createdAt: true,
  editedAt: true,
  author: authorSelect,
  article: { select: { slug: true, title: true } },
  parent: { select: { id: true, body: true, html: true } },
  _count: { select: { reports: { where: { dismissedAt: null } }, revisions: true } },
  reports: openReports,
  revisions: earlierVersions,
} as const;

// The moderation queue: comments and public annotations together, newest first, keyset-paged
// over both tables (each queried once per page, merged).
export async function listQueue(viewer: Viewer | null, f: Filters) {
  const me = await requirePermission(viewer, "moderation.read");
  const take = Math.min(f.take ?? 50, 200);
  const c = decodeCursor(f.cursor);
  const reasons = await expandReason(f.status === "reported" ? [...reportedStatuses] : [f.status], f.reason);
  // `createdAt <= t` beside the OR lets PostgreSQL start the (status, createdAt) index scan at the
  // cursor; with the OR alone it may scan from the newest item and filter out every earlier page.
  const before = c
    ? {
        createdAt: { lte: new Date(c.t) },
        OR: [{ createdAt: { lt: new Date(c.t) } }, { createdAt: new Date(c.t), id: { lt: c.id } }],
      }
    : {};
  const common = {
    ...(f.status === "reported" ? { status: { in: [...reportedStatuses] }, ...hasOpenReport } : { status: f.status }),
    ...(f.article ? { article: { slug: f.article } } : {}),
    ...(f.author ? { author: { OR: [{ email: f.author.toLowerCase() }, { id: f.author }] } } : {}),
    ...(reasons ? { holdReasons: { hasSome: reasons } } : {}),
    ...before,
  };
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [comments, annotations] = await Promise.all([
    f.type === "annotation"
      ? []
      : db.comment.findMany({
          where: common as Prisma.CommentWhereInput,
          orderBy: order,
          take: take + 1,
          select: { ...itemFields, authorName: true },
        }),
    f.type === "comment"
      ? []
      : db.annotation.findMany({
          where: { ...(common as Prisma.AnnotationWhereInput), AND: [queueAudience(me.role)] },
          orderBy: order,
          take: take + 1,
          select: {
            ...itemFields,
            exact: true,
            originalExact: true,
            audience: true,
            group: { select: { id: true, name: true } },
          },
        }),
  ]);
  const merged = [
    ...comments.map((x) => ({
      ...x,
      type: "comment" as const,
      quote: null as string | null,
      group: null as { id: string; name: string } | null,
    })),
    ...annotations.map((x) => ({
      ...x,
      type: "annotation" as const,
      quote: x.originalExact ?? x.exact,
      authorName: null as string | null,
    })),
  ].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const page = merged.slice(0, take);
  const last = page.at(-1);
  const next = merged.length > take && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null;
  const history = await authorHistory(page.map((i) => i.author?.id).filter((x): x is string => !!x));
  return { items: page.map((i) => ({ ...i, history: i.author ? history.get(i.author.id) : undefined })), next };
}

/**
 * The reason filter: an exact code (`word:casino`, `reported:3`) or a family — `word`, `reported` —
 * that stands for every code of it present in this tab.
 */
async function expandReason(statuses: QueueStatus[], reason?: string): Promise<string[] | null> {
  if (!reason) return null;
  if (reason !== "word" && reason !== "reported") return [reason];
  const rows = await db.$queryRaw<{ r: string }[]>`
    SELECT DISTINCT r FROM (
      SELECT unnest("holdReasons") AS r FROM "Comment" WHERE status::text = ANY(${statuses}::text[])
      UNION ALL
      SELECT unnest("holdReasons") FROM "Annotation" WHERE status::text = ANY(${statuses}::text[]) AND audience = 'public'
    ) x WHERE r LIKE ${`${reason}:%`}`;
  return rows.length ? rows.map((x) => x.r) : [`${reason}:`];
}

/** Per author: how many of their contributions were approved and how many were spam (two grouped queries). */
async function authorHistory(ids: string[]) {
  const unique = [...new Set(ids)];
  const out = new Map<string, { approved: number; spam: number }>();
  if (!unique.length) return out;
  const [c, a] = await Promise.all([
    db.comment.groupBy({
      by: ["authorId", "status"],
      where: { authorId: { in: unique }, status: { in: ["approved", "spam"] } },
      _count: true,
    }),
    db.annotation.groupBy({
      by: ["authorId", "status"],
      where: { authorId: { in: unique }, status: { in: ["approved", "spam"] }, audience: "public" },
      _count: true,
    }),
  ]);
  for (const row of [...c, ...a]) {
    if (!row.authorId) continue;
    const h = out.get(row.authorId) ?? { approved: 0, spam: 0 };
    if (row.status === "approved") h.approved += row._count;
    else h.spam += row._count;
    out.set(row.authorId, h);
  }
  return out;
}

/** Counts per status (the header badge and the tab counts) of what `role`'s queue lists (queueAudience). */
export async function queueCounts(role: string) {
  const [c, a] = await Promise.all([
    db.comment.groupBy({
      by: ["status"],
      where: { status: { in: ["pending", "approved", "spam", "trash"] } },
      _count: true,
    }),
    db.annotation.groupBy({
      by: ["status"],
      where: { ...queueAudience(role), status: { in: ["pending", "approved", "spam", "trash"] } },
      _count: true,
    }),
  ]);
  const counts: Record<QueueStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const row of [...c, ...a]) counts[row.status as QueueStatus] += row._count;
  return counts;
}

/** How many items of `role`'s queue have open (undismissed) reports: the Reported tab's count (two counts). */
export async function reportedCount(role: string) {
  const where = { status: { in: [...reportedStatuses] }, ...hasOpenReport };
  const [c, a] = await Promise.all([
    db.comment.count({ where }),
    db.annotation.count({ where: { ...where, ...queueAudience(role) } }),
  ]);
  return c + a;
}

/**
 * What the header's Moderation badge counts: everything that waits for a moderator — held items
 * (pending) and visible items with open reports — each item once (a held item that is also
 * reported counts once). `queueCounts().pending` alone missed the reports (issue 18, item 16).
 */
export async function moderationBadge(role: string) {
  const reportedVisible = { status: "approved" as const, ...hasOpenReport };
  const [counts, reported, c, a] = await Promise.all([
    queueCounts(role),
    reportedCount(role),
    db.comment.count({ where: reportedVisible }),
    db.annotation.count({ where: { ...reportedVisible, ...queueAudience(role) } }),
  ]);
  return { pending: counts.pending, reported, total: counts.pending + c + a };
}
