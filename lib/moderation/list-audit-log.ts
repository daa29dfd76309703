import { db } from "@/lib/db";
import { requireRole, type Viewer } from "@/lib/auth/viewer";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";

// The audit log, newest first, keyset-paged. Read-only: nothing can edit or remove an entry.
export async function listAuditLog(viewer: Viewer | null, options: { cursor?: string | null; take?: number } = {}) {
  requireRole(viewer, "moderator");
  const take = Math.min(options.take ?? 100, 500);
  const c = decodeCursor(options.cursor);
  const rows = await db.auditEntry.findMany({
    where: c ? { OR: [{ createdAt: { lt: new Date(c.t) } }, { createdAt: new Date(c.t), id: { lt: c.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { id: true, action: true, targetType: true, targetId: true, before: true, after: true, reason: true, createdAt: true, actor: { select: { id: true, name: true, email: true } } },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return { entries: page, next: rows.length > take && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null };
}
