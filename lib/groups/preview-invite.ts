import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inviteTokenSchema } from "@/lib/validation/group";

/** What an invite link's page shows before joining: the group's name and size, and whether the viewer is in it. */
export async function previewInvite(viewer: Viewer | null, token: unknown) {
  const me = requireViewer(viewer);
  const parsed = inviteTokenSchema.safeParse({ token });
  const group = parsed.success
    ? await db.group.findFirst({
        where: { inviteToken: parsed.data.token, kind: "custom" },
        select: {
          id: true,
          name: true,
          description: true,
          owner: { select: { name: true } },
          _count: { select: { members: { where: { leftAt: null } } } },
          members: { where: { userId: me.id }, select: { leftAt: true, removedById: true } },
        },
      })
    : null;
  if (!group) throw new AppError("not_found", "This invite link is not valid (any more).");
  const mine = group.members[0];
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    ownerName: group.owner?.name ?? null,
    memberCount: group._count.members,
    isMember: !!mine && !mine.leftAt,
    wasRemoved: !!mine?.removedById,
  };
}
