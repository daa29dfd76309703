"use client";
import { useEffect, useMemo, useState } from "react";
import { ArticleDate } from "@/components/article/article-date";
import { renderArticle } from "@/lib/articles/render-article";

type Props = {
  publication: string;
  title: string;
  author: string;
  affiliation: string;
  credit: string;
  body: string;
  publishedAt: string | null;
};

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// The article as readers will see it: the same renderArticle and the same .article-body styles as
// the article page, run in the browser a moment after typing stops.
export function EditorPreview({ publication, title, author, affiliation, credit, body, publishedAt }: Props) {
  const settledBody = useDebounced(body, 250);
  const rendered = useMemo(() => renderArticle(settledBody), [settledBody]);
  // Block ids are fresh random ones in a preview: left out, so server and browser HTML agree.
  const html = useMemo(() => rendered.html.replace(/ data-block-id="[^"]*"/g, ""), [rendered]);
  const date = useMemo(() => (publishedAt ? new Date(publishedAt) : new Date()), [publishedAt]);
  return (
    <div className="min-w-0" data-testid="preview">
      <header className="mb-8">
        {publication ? (
          <p className="text-sm font-semibold uppercase tracking-wider text-accent-700 dark:text-accent-300">
            {publication}
          </p>
        ) : null}
        <p className="mt-2 font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">
          {title || "Untitled"}
        </p>
        <p className="mt-4 text-base text-zinc-700 dark:text-zinc-300">
          by <span className="font-semibold">{author || "…"}</span>
          {affiliation ? <span className="text-zinc-600 dark:text-zinc-400">, {affiliation}</span> : null}
        </p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          <ArticleDate date={date} archive={false} /> · {rendered.readingMinutes} min read
        </p>
      </header>
      {rendered.blocks.length ? (
        <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <p className="text-zinc-500 dark:text-zinc-400">The body is empty.</p>
      )}
      {credit ? (
        <p className="mt-10 border-t border-zinc-200 pt-4 text-sm italic text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
          {credit}
        </p>
      ) : null}
    </div>
  );
}
