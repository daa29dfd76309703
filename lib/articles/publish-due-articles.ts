import { db } from "@/lib/db";
import { clock } from "@/lib/clock";
import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";

// Scheduled articles whose time has come become published (called every few seconds by the
// server's own timer — no reader request is needed for an article to appear).
export async function publishDueArticles() {
  const { count } = await db.article.updateMany({
    where: { status: "scheduled", publishAt: { lte: clock.now() }, currentRevisionId: { not: null } },
    data: { status: "published" },
  });
  if (count) await invalidateReaderPages();
  return count;
}
