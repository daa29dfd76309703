import Link from "next/link";
import type { ReactNode } from "react";
import { formatUtc } from "@/lib/dates/format-utc";

type GroupNote = {
  id: string;
  author: string;
  body: string | null;
  quote: string | null;
  createdAt: Date;
  article: { slug: string; title: string };
};

/**
 * One note on a group page (latest notes and reported notes): who wrote it on which article (a link to
 * the note at its passage), when, the passage (cut at 160 characters) and the note. `meta` follows the
 * date on the first line; `children` (reasons, the owner's buttons) come below.
 */
export function GroupNoteItem({
  note: n,
  tone = "plain",
  meta,
  children,
}: {
  note: GroupNote;
  tone?: "plain" | "reported";
  meta?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li
      className={
        tone === "reported"
          ? "rounded-md border border-amber-300 p-3 dark:border-amber-700"
          : "rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
      }
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {n.author} on{" "}
        <Link
          href={`/articles/${n.article.slug}/annotations/${n.id}`}
          className="text-accent-700 hover:underline dark:text-accent-300"
        >
          {n.article.title}
        </Link>{" "}
        · {formatUtc(n.createdAt)}
        {meta}
      </p>
      {n.quote ? (
        <blockquote className="mt-1 border-l-2 border-zinc-300 pl-2 text-sm italic dark:border-zinc-700">
          {n.quote.length > 160 ? `${n.quote.slice(0, 160)}…` : n.quote}
        </blockquote>
      ) : null}
      <p className="mt-1 whitespace-pre-line text-sm">{n.body}</p>
      {children}
    </li>
  );
}

/** A bordered list whose rows are split by lines (the groups list, a group's members). */
export function RowList({ children }: { children: ReactNode }) {
  return (
    <ul className="mt-3 divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {children}
    </ul>
  );
}
