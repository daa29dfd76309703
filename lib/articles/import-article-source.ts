import { invalidateReaderPages } from "@/lib/cache/invalidate-pages";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { excerptOf } from "./excerpt";
import { type ArticleMeta, parseArticleSource } from "./parse-article-source";
import { renderArticle } from "./render-article";

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 120);

// Publishes an article from a front-matter + Markdown file unless its slug exists (seeding, fixtures).
// Two processes may import the same file at once (parallel seeding): the loser of the race on a
// unique slug (article or category) looks again and finds what the winner created.
export async function importArticleSource(source: string, options: { excerptWords?: number } = {}) {
  const { meta, body } = parseArticleSource(source);
  for (let attempt = 1; ; attempt++) {
    const existing = await db.article.findUnique({ where: { slug: meta.slug }, select: { id: true } });
    if (existing) return { id: existing.id, slug: meta.slug, created: false };
    try {
      return await createArticle(meta, body, options);
    } catch (e) {
      const lostRace = isUniqueViolation(e);
      if (!lostRace || attempt >= 3) throw e;
    }
  }
}

async function createArticle(meta: ArticleMeta, body: string, options: { excerptWords?: number }) {
  const rendered = renderArticle(body);
  const firstParagraph = rendered.blocks[0]?.text ?? "";
  const excerpt = excerptOf(firstParagraph, options.excerptWords ?? 45);
  const publishedAt = new Date(`${meta.published}T09:00:00Z`);
  const article = await db.$transaction(async (tx) => {
    const created = await tx.article.create({
      data: {
        slug: meta.slug,
        title: meta.title,
        authorName: meta.author,
        affiliation: meta.affiliation ?? "",
        credit: meta.credit ?? "",
        publication: meta.publication ?? "",
        excerpt,
        status: "published",
        publishedAt,
        searchText: rendered.text,
        categories: {
          connectOrCreate: [
            {
              where: { slug: slugOf(meta.publication || "articles") },
              create: { slug: slugOf(meta.publication || "articles"), name: meta.publication || "Articles" },
            },
          ],
        },
      },
    });
    const revision = await tx.articleRevision.create({
      data: {
        articleId: created.id,
        number: 1,
        body,
        html: rendered.html,
        text: rendered.text,
        blockIds: rendered.blocks.map((b) => b.id),
        wordCount: rendered.wordCount,
      },
    });
    return tx.article.update({
      where: { id: created.id },
      data: { currentRevisionId: revision.id },
      select: { id: true, slug: true },
    });
  });
  await invalidateReaderPages();
  return { ...article, created: true };
}
