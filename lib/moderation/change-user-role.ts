import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/viewer";
import { emailSchema, roleSchema } from "@/lib/validation/user";
import { z } from "zod";
import { recordAudit } from "./record-audit";
import { requireBoardMember } from "./require-board-member";

const input = z.object({ email: emailSchema, role: roleSchema });

// Admins change roles (/moderation/users); the change bites on the user's next request because
// the role is read from the database every time.
export async function changeUserRole(viewer: Viewer | null, raw: unknown) {
  const me = await requireBoardMember(viewer, "admin");
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const user = await db.user.findFirst({ where: { email: parsed.data.email, deletedAt: null }, select: { id: true, email: true, role: true } });
  if (!user) throw new AppError("not_found", `No account with email ${parsed.data.email}.`);
  if (user.id === me.id && parsed.data.role !== "admin") throw new AppError("forbidden", "You cannot remove your own admin role; ask another admin.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role: parsed.data.role } });
    await recordAudit(tx, { actorId: me.id, action: "role", targetType: "user", targetId: user.id, before: { role: user.role }, after: { role: parsed.data.role, email: user.email } });
  });
  return { email: user.email, role: parsed.data.role };
}
