import { cache } from "react";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSettings, type Settings } from "@/lib/settings/get-settings";

// Once per render of a page (React's cache: the article page's discussion and notes both ask);
// outside a render — every write — read afresh.
const findPublished = cache((slug: string) =>
  db.article.findFirst({
    where: { slug, status: "published", publishedAt: { lte: clock.now() } },
    select: { id: true, slug: true, title: true, commentsOpen: true, annotationsOpen: true, publishedAt: true },
  }),
);

/**
 * The published article a discussion write targets; 404 if none, 422 when its comments are closed.
 * `settings` may be a read still under way (a post reads them beside the article).
 */
export async function findArticleForDiscussion(
  slug: string,
  {
    forWriting = false,
    kind = "comments" as "comments" | "annotations",
    settings = undefined as Settings | Promise<Settings> | undefined,
  } = {},
) {
  const article = /^[a-z0-9-]{1,120}$/.test(slug) ? await findPublished(slug) : null;
  if (!article) throw new AppError("not_found", "No published article has that address.");
  const label = kind === "comments" ? "Comments" : "Annotations";
  const open = kind === "comments" ? article.commentsOpen : article.annotationsOpen;
  if (forWriting && !open) throw new AppError("rule_violation", `${label} are closed on this article.`);
  if (forWriting) {
    const { closeAfterDays } = await (settings ?? getSettings());
    if (
      closeAfterDays &&
      article.publishedAt &&
      clock.now().getTime() - article.publishedAt.getTime() > closeAfterDays * 86_400_000
    )
      throw new AppError(
        "rule_violation",
        `${label} close ${closeAfterDays} days after an article is published; this one is older.`,
      );
  }
  return article;
}
