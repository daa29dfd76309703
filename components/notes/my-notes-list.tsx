import Link from "next/link";
import { ArticleDate } from "@/components/article/article-date";
import type { MyNoteRow } from "@/lib/notes/my-note-fields";
import { notePassagePath } from "@/lib/notes/note-links";
import { audienceLabel } from "./my-notes-filters";

// My notes, newest first: the article, the passage, the note, its tags and audience, a link to the passage.
export function MyNotesList({ notes }: { notes: MyNoteRow[] }) {
  return (
    <ol className="mt-6 space-y-6" aria-label="My notes">
      {notes.map((n) => {
        const quote = n.parentId ? n.parent?.exact : n.exact;
        return (
          <li key={n.id} className="border-l-2 border-zinc-200 pl-4 dark:border-zinc-700">
            <article aria-labelledby={`note-${n.id}-on`}>
              <p id={`note-${n.id}-on`} className="text-sm text-zinc-600 dark:text-zinc-400">
                {n.parentId ? "Reply on " : n.motivation === "highlighting" ? "Highlight on " : "Note on "}
                <Link
                  href={`/articles/${n.article.slug}`}
                  className="font-medium text-accent-700 hover:underline dark:text-accent-300"
                >
                  {n.article.title}
                </Link>
                {" · "}
                <ArticleDate date={n.createdAt} archive={false} />
              </p>
              {n.parentId ? (
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                  In reply to{" "}
                  {n.parent?.author ? (n.parent.author.deletedAt ? "deleted user" : n.parent.author.name) : "a note"}
                </p>
              ) : null}
              {quote ? (
                <blockquote className="mt-2 border-l-4 border-yellow-300 bg-yellow-50 px-3 py-1 font-serif text-zinc-800 dark:border-yellow-700 dark:bg-zinc-900 dark:text-zinc-200">
                  {quote.length > 400 ? `${quote.slice(0, 400)}…` : quote}
                </blockquote>
              ) : null}
              {n.body.trim() ? <p className="mt-2 whitespace-pre-line leading-relaxed">{n.body}</p> : null}
              <p className="mt-2 flex flex-wrap items-center gap-2 text-xs">
                <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                  {audienceLabel[n.audience] ?? n.audience}
                </span>
                {n.status === "pending" ? (
                  <span className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                    awaiting moderation
                  </span>
                ) : null}
                {!n.parentId && n.state === "orphaned" ? (
                  <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                    passage no longer in the article
                  </span>
                ) : null}
                {n.tags.map((t) => (
                  <Link
                    key={t}
                    href={`/notes?tag=${encodeURIComponent(t)}`}
                    className="rounded border border-zinc-300 px-1.5 py-0.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                    aria-label={`Notes tagged ${t}`}
                  >
                    #{t}
                  </Link>
                ))}
              </p>
              <p className="mt-2 text-sm">
                <a
                  href={notePassagePath(n)}
                  className="inline-flex min-h-11 items-center font-medium text-accent-700 hover:underline dark:text-accent-300"
                >
                  Show in text<span className="sr-only">: {n.article.title}</span>
                </a>
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
