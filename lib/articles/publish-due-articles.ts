import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { announceArticle } from "@/lib/subscribers/announce-article";

// Scheduled articles whose time has come become published (called every few seconds by the
// server's own timer — no reader request is needed for an article to appear). Subscribers are
// mailed then, not when the article was scheduled.
export async function publishDueArticles() {
  const count = await db.$transaction(async (tx) => {
    const due = await tx.article.findMany({
      where: { status: "scheduled", publishAt: { lte: clock.now() }, currentRevisionId: { not: null } },
      select: { id: true },
    });
    if (!due.length) return 0;
    const { count } = await tx.article.updateMany({
      where: { id: { in: due.map((a) => a.id) }, status: "scheduled" },
      data: { status: "published" },
    });
    for (const a of due) await announceArticle(tx, a.id);
    return count;
  });
  if (count) await invalidateReaderPages();
  return count;
}
