import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/http/cursor";

// The board's view of accounts (/moderation/users): newest first, searched by email or name,
// keyset-paged; with each account's role, ban and how much of what they wrote was kept.
export async function listUsers(
  viewer: Viewer | null,
  options: { q?: string | null; cursor?: string | null; take?: number } = {},
) {
  await requirePermission(viewer, "moderation.read");
  const take = Math.min(options.take ?? 50, 200);
  const q = options.q?.trim().slice(0, 200) ?? "";
  const c = decodeCursor(options.cursor);
  const rows = await db.user.findMany({
    where: {
      deletedAt: null,
      ...(q
        ? {
            OR: [
              { email: { contains: q, mode: "insensitive" as const } },
              { name: { contains: q, mode: "insensitive" as const } },
            ],
          }
        : {}),
      ...(c
        ? { AND: [{ OR: [{ createdAt: { lt: new Date(c.t) } }, { createdAt: new Date(c.t), id: { lt: c.id } }] }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      status: true,
      bannedUntil: true,
      banReason: true,
      trustedAt: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    users: page,
    next: rows.length > take && last ? encodeCursor({ t: last.createdAt.getTime(), id: last.id }) : null,
  };
}
