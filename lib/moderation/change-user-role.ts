import { requirePermission } from "@/lib/auth/require-permission";
import { isSystemActor, type SystemActor } from "@/lib/auth/system-actor";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { changeRoleSchema } from "@/lib/validation/user";
import { recordAudit } from "./record-audit";

// The one way a role changes: admins at /moderation/users and the API, the shell (`user:role`) as
// the system actor. The change bites on the user's next request because the role is read from the
// database every time; it is audited, and the publication always keeps an admin.
export async function changeUserRole(actor: Viewer | SystemActor | null, raw: unknown) {
  const me = isSystemActor(actor) ? null : await requirePermission(actor, "users.manage");
  const { email, role } = parseInput(changeRoleSchema, raw);
  const user = await db.user.findFirst({
    where: { email, deletedAt: null },
    select: { id: true, email: true, role: true },
  });
  if (!user) throw new AppError("not_found", `No account with email ${email}.`);
  if (me && user.id === me.id && role !== "admin")
    throw new AppError("forbidden", "You cannot remove your own admin role; ask another admin.");
  await db.$transaction(async (tx) => {
    if (user.role === "admin" && role !== "admin") {
      // Locked, so two demotions at once cannot both see the other admin.
      const admins = await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "User" WHERE "role" = 'admin' AND "deletedAt" IS NULL FOR UPDATE`;
      if (!admins.some((a) => a.id !== user.id))
        throw new AppError("forbidden", `${user.email} is the last admin; make another admin first.`);
    }
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, {
      actorId: me?.id ?? null,
      action: "role",
      targetType: "user",
      targetId: user.id,
      before: { role: user.role },
      after: { role, email: user.email },
      reason: me ? null : "command line",
    });
  });
  return { email: user.email, role };
}
