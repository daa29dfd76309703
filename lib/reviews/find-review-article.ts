import { mayReadDrafts } from "@/lib/articles/article-access";
import { blocksOf } from "@/lib/articles/save-article";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const noReview = () => new AppError("not_found", "No review notes here.");

/**
 * The article whose review notes the viewer asks for, with its latest text (the draft, else the
 * published one). Only editors and up and the article's own author see review notes: to anyone
 * else — anonymous readers, other contributors, moderators — the container does not exist (404).
 */
export async function findReviewArticle(viewer: Viewer | null, slug: string) {
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      ownerId: true,
      status: true,
      draftRevision: { select: { id: true, text: true, blockIds: true } },
      currentRevision: { select: { id: true, text: true, blockIds: true } },
    },
  });
  if (!article || !mayReadDrafts(viewer, article)) throw noReview();
  const latest = article.draftRevision ?? article.currentRevision;
  return { ...article, latest: latest ? { revisionId: latest.id, text: latest.text, blocks: blocksOf(latest) } : null };
}
