import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";
import { markReadSchema, notificationListSchema } from "@/lib/validation/notification";
import { parseInput } from "@/lib/validation/parse-input";

export type NotificationItem = {
  id: string;
  type: "reply" | "comment" | "approved" | "review";
  read: boolean;
  createdAt: string;
  /** Absolute link to the item. */
  url: string;
  actor: { id: string; name: string } | null;
  excerpt: string;
  article: { slug: string; title: string } | null;
};

/** The viewer's unread count (the header's bell). */
export async function unreadNotifications(viewer: Viewer | null) {
  const me = requireViewer(viewer);
  return db.notification.count({ where: { userId: me.id, readAt: null } });
}

/** The viewer's notifications, newest first, paged with an opaque cursor; only ever their own. */
export async function listNotifications(viewer: Viewer | null, query: unknown = {}) {
  const me = requireViewer(viewer);
  const { cursor: raw, limit } = parseInput(notificationListSchema, query);
  const cursor = raw ? decodeCursor(raw) : null;
  if (raw && !cursor)
    throw new AppError("bad_request", "The cursor is not valid.", { cursor: "Not a cursor this list gave." });
  const after = cursor
    ? { OR: [{ createdAt: { lt: new Date(cursor.t) } }, { createdAt: new Date(cursor.t), id: { lt: cursor.id } }] }
    : {};
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: me.id, ...after },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: {
        id: true,
        type: true,
        readAt: true,
        createdAt: true,
        url: true,
        excerpt: true,
        actor: { select: { id: true, name: true, deletedAt: true } },
        article: { select: { slug: true, title: true } },
      },
    }),
    db.notification.count({ where: { userId: me.id, readAt: null } }),
  ]);
  const page = rows.slice(0, limit);
  const base = siteUrl();
  const items: NotificationItem[] = page.map((r) => ({
    id: r.id,
    type: r.type,
    read: !!r.readAt,
    createdAt: r.createdAt.toISOString(),
    url: /^https?:\/\//.test(r.url) ? r.url : `${base}${r.url}`,
    actor: r.actor && !r.actor.deletedAt ? { id: r.actor.id, name: r.actor.name } : null,
    excerpt: r.excerpt,
    article: r.article,
  }));
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null;
  return { items, next, unread };
}

/** Marks some (`{ids}`) or all (`{all: true}`) of the viewer's notifications read; others' ids change nothing. */
export async function markNotificationsRead(viewer: Viewer | null, input: unknown, now = new Date()) {
  const me = requireViewer(viewer);
  const parsed = parseInput(markReadSchema, input);
  const where =
    "all" in parsed ? { userId: me.id, readAt: null } : { userId: me.id, readAt: null, id: { in: parsed.ids } };
  const { count } = await db.notification.updateMany({ where, data: { readAt: now } });
  return count;
}

/** Opening a notification: it (and `also`, the rest of its group) is read; returns where it points, or null if it is not the viewer's. */
export async function openNotification(viewer: Viewer | null, id: string, also: string[] = []) {
  const me = requireViewer(viewer);
  const row = await db.notification.findFirst({ where: { id, userId: me.id }, select: { url: true } });
  if (!row) return null;
  await db.notification.updateMany({
    where: { userId: me.id, id: { in: [id, ...also] }, readAt: null },
    data: { readAt: new Date() },
  });
  return row.url.startsWith("/") ? row.url : "/notifications";
}
