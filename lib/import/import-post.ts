import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import type { PlannedComment } from "./plan-comments";
import type { PlannedArticle } from "./plan-post";
import { type ArticleOutcome, saveImportedArticle } from "./save-imported-article";
import { type CommentCounts, saveImportedComments } from "./save-imported-comments";

const attempts = 3;

/**
 * One post and its comments, in one transaction: all of it is written or none. Another import
 * running at the same time may create the same article or comment first (a unique key clash);
 * the transaction is then run again and finds what the other created.
 */
export async function importPost(
  article: PlannedArticle,
  comments: PlannedComment[],
  destroyedComments: ReadonlySet<string>,
): Promise<{ article: ArticleOutcome; slug: string; comments: CommentCounts }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          // Waiting for each post's commit to reach the disk costs 10–20 ms a post; an import is
          // idempotent, so a crash that loses its last few posts is mended by running it again.
          await tx.$executeRaw`SET LOCAL synchronous_commit TO OFF`;
          const saved = await saveImportedArticle(tx, article, new Date());
          // The post's old WordPress addresses redirect to it; one another post already claimed stays its.
          if (article.legacyPaths.length)
            await tx.legacyPath.createMany({
              data: article.legacyPaths.map((path) => ({ path, articleId: saved.id })),
              skipDuplicates: true,
            });
          const { slug } = await tx.article.findUniqueOrThrow({ where: { id: saved.id }, select: { slug: true } });
          return {
            article: saved.outcome,
            slug,
            comments: await saveImportedComments(tx, saved.id, comments, destroyedComments),
          };
        },
        { timeout: 120_000, maxWait: 20_000 },
      );
    } catch (e) {
      const clash = isUniqueViolation(e);
      if (!clash || attempt >= attempts) throw e;
    }
  }
}
