import { rolesWith } from "@/lib/auth/permissions";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { siteUrl } from "@/lib/env";
import { Role } from "@/lib/generated/prisma/enums";
import { moderatorAlertMail } from "@/lib/mail/messages";
import { queueMail } from "@/lib/mail/queue-mail";
import { getSettings } from "@/lib/settings/get-settings";

// Tells each moderator that something waits in the queue — at most once per hour each. The mail
// is queued (lib/jobs sends and retries it) in the transaction that records the notice.
export async function notifyModerators() {
  const { notifyIntervalMs } = await getSettings();
  const now = clock.now();
  const due = new Date(now.getTime() - notifyIntervalMs);
  const moderators = await db.user.findMany({
    where: {
      role: { in: rolesWith("comments.moderate", Object.values(Role)) },
      deletedAt: null,
      OR: [{ lastNotifiedAt: null }, { lastNotifiedAt: { lte: due } }],
    },
    select: { id: true, email: true, name: true },
  });
  for (const m of moderators) {
    await db.$transaction(async (tx) => {
      const claimed = await tx.user.updateMany({
        where: { id: m.id, OR: [{ lastNotifiedAt: null }, { lastNotifiedAt: { lte: due } }] },
        data: { lastNotifiedAt: now },
      });
      if (!claimed.count) return;
      await queueMail(tx, moderatorAlertMail(m, `${siteUrl()}/moderation`));
    });
  }
}
