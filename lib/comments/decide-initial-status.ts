import { roleCan } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { holdReasons } from "@/lib/moderation/hold-reasons";
import { notifyModerators } from "@/lib/moderation/notify-moderators";
import { getSettings, type Settings } from "@/lib/settings/get-settings";

// Where a new public contribution starts: the editorial board is exempt; others pass the
// moderation rules (lib/moderation/hold-reasons.ts). A hold tells the moderators. `knownUser`: the
// author's row as the caller just read it (lib/auth/can-contribute.ts), so it is not read again.
export async function decideInitialStatus(
  viewer: Viewer,
  content: { body: string; articleId: string; html?: string },
  known?: Settings,
  knownUser?: { name: string; trustedAt: Date | null; emailConfirmed: boolean },
) {
  if (roleCan(viewer.role, "comments.moderate")) return { status: "approved" as const, reasons: [] as string[] };
  const [settings, user] = await Promise.all([
    known ?? getSettings(),
    knownUser ??
      db.user.findUnique({ where: { id: viewer.id }, select: { name: true, trustedAt: true, emailConfirmed: true } }),
  ]);
  // WordPress's rule: anyone with an approved contribution passes (trustedAt is set on approval;
  // the lookup covers contributions approved while the rule was off, and imports).
  const isTrusted =
    !!user?.trustedAt ||
    !!(await db.comment.findFirst({ where: { authorId: viewer.id, status: "approved" }, select: { id: true } })) ||
    !!(await db.annotation.findFirst({
      where: { authorId: viewer.id, status: "approved", audience: "public" },
      select: { id: true },
    }));
  const decision = holdReasons(settings, {
    body: content.body,
    html: content.html,
    authorName: user?.name ?? viewer.name,
    isTrusted,
    emailUnconfirmed: user?.emailConfirmed === false,
  });
  if (decision.status === "pending")
    await notifyModerators().catch((e) => console.error("[moderation] notify failed", e));
  return decision;
}
