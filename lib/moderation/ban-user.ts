import { roleCan, roleRank } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Viewer } from "@/lib/auth/viewer";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { banSchema } from "@/lib/validation/moderation";
import { parseInput } from "@/lib/validation/parse-input";
import { emailSchema } from "@/lib/validation/user";
import { recordAudit } from "./record-audit";

const durations: Record<string, number | null> = {
  "1d": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
  permanent: null,
};

async function findTarget(me: Viewer, email: string) {
  const user = await db.user.findFirst({
    where: { email, deletedAt: null },
    select: { id: true, email: true, role: true, status: true, bannedUntil: true, banReason: true },
  });
  if (!user) throw new AppError("not_found", `No account with email ${email}.`);
  if (user.id === me.id) throw new AppError("forbidden", "You cannot ban yourself.");
  if (roleRank(user.role) >= roleRank(me.role) && !roleCan(me.role, "users.manage"))
    throw new AppError("forbidden", "Only an admin can ban a member of the editorial board.");
  return user;
}

// Bans take effect on the user's next request: posting, editing, reacting, reporting and
// annotating check the ban in the database. The user keeps reading and sees the reason.
export async function banUser(viewer: Viewer | null, raw: unknown) {
  const me = await requirePermission(viewer, "users.ban");
  const parsed = parseInput(banSchema, raw);
  const user = await findTarget(me, parsed.email);
  const ms = durations[parsed.duration];
  const bannedUntil = ms === null ? null : new Date(clock.now().getTime() + ms);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { status: "banned", bannedUntil, banReason: parsed.reason } });
    await recordAudit(tx, {
      actorId: me.id,
      action: "ban",
      targetType: "user",
      targetId: user.id,
      before: { status: user.status, bannedUntil: user.bannedUntil },
      after: { status: "banned", bannedUntil, email: user.email, duration: parsed.duration },
      reason: parsed.reason,
    });
  });
  return {
    email: user.email,
    status: "banned" as const,
    bannedUntil: bannedUntil?.toISOString() ?? null,
    reason: parsed.reason,
  };
}

export async function unbanUser(viewer: Viewer | null, rawEmail: unknown) {
  const me = await requirePermission(viewer, "users.ban");
  const email = parseInput(emailSchema, rawEmail, { field: "email" });
  const user = await findTarget(me, email);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { status: "active", bannedUntil: null, banReason: null } });
    await recordAudit(tx, {
      actorId: me.id,
      action: "unban",
      targetType: "user",
      targetId: user.id,
      before: { status: user.status, bannedUntil: user.bannedUntil },
      after: { status: "active", email: user.email },
    });
  });
  return { email: user.email, status: "active" as const };
}
