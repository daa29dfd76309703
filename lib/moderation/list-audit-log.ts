import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";

export type AuditTarget = { label: string; href: string | null };

// The audit log, newest first, keyset-paged. Read-only: nothing can edit or remove an entry.
export async function listAuditLog(viewer: Viewer | null, options: { cursor?: string | null; take?: number } = {}) {
  await requirePermission(viewer, "moderation.read");
  const take = Math.min(options.take ?? 100, 500);
  const c = decodeCursor(options.cursor);
  const rows = await db.auditEntry.findMany({
    where: c ? { OR: [{ createdAt: { lt: new Date(c.t) } }, { createdAt: new Date(c.t), id: { lt: c.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      before: true,
      after: true,
      reason: true,
      createdAt: true,
      actor: { select: { id: true, name: true, email: true } },
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  const targets = await describeTargets(page);
  return {
    entries: page.map((e) => ({
      ...e,
      target: e.targetId ? (targets.get(`${e.targetType}:${e.targetId}`) ?? null) : null,
    })),
    next: rows.length > take && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null,
  };
}

const snippet = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** What each entry acted on, in words (one query per target type on the page). */
async function describeTargets(entries: { targetType: string; targetId: string | null }[]) {
  const ids = (type: string) => [
    ...new Set(entries.filter((e) => e.targetType === type && e.targetId).map((e) => e.targetId!)),
  ];
  const [comments, annotations, users] = await Promise.all([
    ids("comment").length
      ? db.comment.findMany({
          where: { id: { in: ids("comment") } },
          select: { id: true, body: true, article: { select: { slug: true } } },
        })
      : [],
    ids("annotation").length
      ? db.annotation.findMany({
          where: { id: { in: ids("annotation") } },
          select: { id: true, body: true, article: { select: { slug: true } } },
        })
      : [],
    ids("user").length
      ? db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, name: true, email: true } })
      : [],
  ]);
  const out = new Map<string, AuditTarget>();
  for (const x of comments)
    out.set(`comment:${x.id}`, { label: `“${snippet(x.body)}”`, href: `/articles/${x.article.slug}/comments/${x.id}` });
  for (const x of annotations)
    out.set(`annotation:${x.id}`, {
      label: x.body ? `“${snippet(x.body)}”` : "a highlight",
      href: `/articles/${x.article.slug}/annotations/${x.id}`,
    });
  for (const x of users) out.set(`user:${x.id}`, { label: `${x.name} <${x.email}>`, href: null });
  return out;
}
