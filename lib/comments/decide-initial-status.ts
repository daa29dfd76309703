import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/viewer";
import { hasRole } from "@/lib/auth/roles";
import { holdReasons } from "@/lib/moderation/hold-reasons";
import { notifyModerators } from "@/lib/moderation/notify-moderators";
import { getSettings } from "@/lib/settings/get-settings";

// Where a new public contribution starts: the editorial board is exempt; others pass the
// moderation rules (lib/moderation/hold-reasons.ts). A hold tells the moderators.
export async function decideInitialStatus(viewer: Viewer, content: { body: string; articleId: string }) {
  if (hasRole(viewer.role, "moderator")) return { status: "approved" as const, reasons: [] as string[] };
  const [settings, user] = await Promise.all([
    getSettings(),
    db.user.findUnique({ where: { id: viewer.id }, select: { name: true, trustedAt: true } }),
  ]);
  const decision = holdReasons(settings, { body: content.body, authorName: user?.name ?? viewer.name, isTrusted: !!user?.trustedAt });
  if (decision.status === "pending") await notifyModerators().catch((e) => console.error("[moderation] notify failed", e));
  return decision;
}
