import { ArticleList } from "@/components/article/article-list";
import { listPublishedArticles } from "@/lib/articles/list-published-articles";
import { publication } from "@/lib/site";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const { articles, next } = await listPublishedArticles(typeof after === "string" ? after : null);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="sr-only">{publication.name}: latest articles</h1>
      <ArticleList articles={articles} label="Latest articles" olderHref={next ? `/?after=${next}` : null} />
    </div>
  );
}
