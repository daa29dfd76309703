import { db } from "@/lib/db";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = /^[a-z0-9]{10,40}$/.test(id)
    ? await db.user.findUnique({ where: { id }, select: { avatar: true, avatarType: true, deletedAt: true } })
    : null;
  if (!user?.avatar || !user.avatarType || user.deletedAt) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(user.avatar), {
    headers: {
      "Content-Type": user.avatarType,
      "Cache-Control": "public, max-age=86400",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
