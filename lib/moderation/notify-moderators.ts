import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { siteUrl } from "@/lib/env";
import { moderatorAlertMail } from "@/lib/mail/messages";
import { sendMail } from "@/lib/mail/send-mail";
import { getSettings } from "@/lib/settings/get-settings";

// Tells each moderator that something waits in the queue — at most once per hour each.
export async function notifyModerators() {
  const { notifyIntervalMs } = await getSettings();
  const now = clock.now();
  const due = new Date(now.getTime() - notifyIntervalMs);
  const moderators = await db.user.findMany({
    where: { role: { in: ["moderator", "editor", "admin"] }, deletedAt: null, OR: [{ lastNotifiedAt: null }, { lastNotifiedAt: { lte: due } }] },
    select: { id: true, email: true, name: true },
  });
  for (const m of moderators) {
    const claimed = await db.user.updateMany({ where: { id: m.id, OR: [{ lastNotifiedAt: null }, { lastNotifiedAt: { lte: due } }] }, data: { lastNotifiedAt: now } });
    if (!claimed.count) continue;
    await sendMail(moderatorAlertMail(m, `${siteUrl()}/moderation`));
  }
}
