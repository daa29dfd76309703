import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The current revision of an article: its id, plain text and blocks ({id, text}, joined by "\n"). */
export async function currentRevisionText(articleId: string) {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { currentRevision: { select: { id: true, text: true, blockIds: true } } },
  });
  const rev = article?.currentRevision;
  if (!rev) throw new AppError("not_found", "This article has no published text.");
  const texts = rev.text.split("\n");
  return { revisionId: rev.id, text: rev.text, blocks: rev.blockIds.map((id, i) => ({ id, text: texts[i] ?? "" })) };
}
