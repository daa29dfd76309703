import Link from "next/link";
import { ArticleDate } from "@/components/article/article-date";
import { noteMatchWindow } from "@/lib/search/match-notes";
import type { SearchPage } from "@/lib/search/search-articles";
import type { NoteHit } from "@/lib/search/search-notes";
import { HighlightedText } from "./highlighted-text";

const audienceLabel: Record<string, string> = { public: "Public", private: "Only you", group: "Group" };

/** The Notes tab's results: each note's passage and text with the matches marked, linking to the passage. */
export function NoteResults({ result, query }: { result: SearchPage<NoteHit>; query: string }) {
  const { total, more, hits } = result;
  return (
    <section aria-labelledby="note-results" className="mt-10">
      <h2 id="note-results" className="text-xl font-bold tracking-tight">
        Notes{" "}
        <span className="font-normal text-zinc-600 dark:text-zinc-400">
          ({total.toLocaleString("en-GB")}
          {more ? "+" : ""} {total === 1 && !more ? "match" : "matches"})
        </span>
      </h2>
      {more ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          Listed: the best matches among the {noteMatchWindow.toLocaleString("en-GB")} most recent matching notes. Add
          words to narrow the search.
        </p>
      ) : null}
      {hits.length === 0 ? (
        <p className="mt-3 text-zinc-700 dark:text-zinc-300">
          {total ? "No more notes on this page." : "No note you can see matches."}
        </p>
      ) : (
        <ol className="mt-4 space-y-6" aria-label="Matching notes">
          {hits.map((n) => {
            const at = encodeURIComponent(n.threadId);
            return (
              <li key={n.id} className="border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {n.author.id ? (
                    <Link
                      href={`/search?q=${encodeURIComponent(query)}&in=notes&author=${encodeURIComponent(n.author.id)}`}
                      className="font-medium text-zinc-800 hover:underline dark:text-zinc-200"
                      title={`Only notes by ${n.author.name}`}
                    >
                      {n.author.name}
                    </Link>
                  ) : (
                    <span className="font-medium text-zinc-800 dark:text-zinc-200">{n.author.name}</span>
                  )}
                  {n.reply ? " replied" : ""} on{" "}
                  <Link
                    href={`/articles/${n.articleSlug}`}
                    className="font-medium text-accent-700 hover:underline dark:text-accent-300"
                  >
                    {n.articleTitle}
                  </Link>
                  {" · "}
                  <ArticleDate date={n.createdAt} archive={false} />
                  {n.audience !== "public" ? <> · {audienceLabel[n.audience] ?? n.audience}</> : null}
                  {n.held ? <> · awaiting moderation</> : null}
                </p>
                {n.quote.length ? (
                  <blockquote className="mt-2 border-l-4 border-yellow-300 bg-yellow-50 px-3 py-1 font-serif text-zinc-800 dark:border-yellow-700 dark:bg-zinc-900 dark:text-zinc-200">
                    <HighlightedText segments={n.quote} />
                  </blockquote>
                ) : null}
                {n.snippet.length ? (
                  <p className="mt-1 leading-relaxed">
                    <HighlightedText segments={n.snippet} />
                  </p>
                ) : null}
                {n.tags.length ? (
                  <p className="mt-1 flex flex-wrap gap-2 text-xs">
                    {n.tags.map((t) => (
                      <Link
                        key={t}
                        href={`/search?q=${encodeURIComponent(query)}&in=notes&tag=${encodeURIComponent(t)}`}
                        className="rounded border border-zinc-300 px-1.5 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                        aria-label={`Only notes tagged ${t}`}
                      >
                        #{t}
                      </Link>
                    ))}
                  </p>
                ) : null}
                <p className="mt-1 text-sm">
                  <a
                    href={`/articles/${n.articleSlug}?note=${at}#passage-${at}`}
                    className="text-accent-700 hover:underline dark:text-accent-300"
                    aria-label={`Show ${n.author.name}’s note in “${n.articleTitle}”`}
                  >
                    Show in text →
                  </a>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Articles and comments, or notes: links (each a page of its own, cached apart), the current one marked. */
export function SearchTabs({ query, current }: { query: string; current: "all" | "notes" }) {
  const tab = (href: string, label: string, on: boolean) => (
    <Link
      href={href}
      aria-current={on ? "page" : undefined}
      className={`inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium ${
        on
          ? "border-accent-700 text-zinc-900 dark:border-accent-300 dark:text-zinc-100"
          : "border-transparent text-accent-700 hover:underline dark:text-accent-300"
      }`}
    >
      {label}
    </Link>
  );
  const q = encodeURIComponent(query);
  return (
    <nav aria-label="Search in" className="mt-6 flex gap-2 border-b border-zinc-200 dark:border-zinc-800">
      {tab(`/search?q=${q}`, "Articles and comments", current === "all")}
      {tab(`/search?q=${q}&in=notes`, "Notes", current === "notes")}
    </nav>
  );
}
