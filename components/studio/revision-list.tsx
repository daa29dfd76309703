import Link from "next/link";
import type { listRevisions } from "@/lib/articles/list-revisions";
import { StudioTime } from "./studio-time";

type Revision = Awaited<ReturnType<typeof listRevisions>>["revisions"][number];
type Props = { slug: string; revisions: Revision[]; from: number; to: number };

const marker = "rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset";

// Every revision with who and when; two radio columns pick the pair to compare (a GET form, so it
// works without JavaScript), and each older revision offers Restore.
export function RevisionList({ slug, revisions, from, to }: Props) {
  return (
    <form action={`/studio/${slug}/revisions`} className="mt-6">
      <p aria-hidden="true" className="mb-1 flex text-xs font-medium text-zinc-600 dark:text-zinc-400">
        <span className="w-10 text-center">From</span>
        <span className="w-10 text-center">To</span>
      </p>
      <ol
        className="divide-y divide-zinc-200 border-y border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        aria-label="Revisions"
      >
        {revisions.map((r) => (
          <li key={r.number} className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3">
            <span className="flex">
              <span className="flex w-10 justify-center">
                <input
                  type="radio"
                  name="from"
                  value={r.number}
                  defaultChecked={r.number === from}
                  aria-label={`Compare from revision ${r.number}`}
                  className="size-4 accent-red-700"
                />
              </span>
              <span className="flex w-10 justify-center">
                <input
                  type="radio"
                  name="to"
                  value={r.number}
                  defaultChecked={r.number === to}
                  aria-label={`Compare to revision ${r.number}`}
                  className="size-4 accent-green-700"
                />
              </span>
            </span>
            <span className="min-w-0 flex-1">
              <span className="font-semibold">Revision {r.number}</span>
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                {" "}
                · {r.credit} · <StudioTime date={r.createdAt} /> · {r.wordCount.toLocaleString("en")} words
              </span>
            </span>
            {r.current ? (
              <span
                className={`${marker} bg-green-50 text-green-900 ring-green-300 dark:bg-green-950 dark:text-green-200 dark:ring-green-700`}
              >
                Current
              </span>
            ) : null}
            {r.draft ? (
              <span
                className={`${marker} bg-zinc-100 text-zinc-800 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600`}
              >
                Draft
              </span>
            ) : null}
            {!r.current && !r.draft ? (
              <Link
                href={`/studio/${slug}/revisions?from=${from}&to=${to}&restore=${r.number}#restore`}
                className="text-sm font-medium text-accent-700 hover:underline dark:text-accent-300"
                aria-label={`Restore revision ${r.number}`}
              >
                Restore
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="mt-3 flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800"
        >
          Compare
        </button>
        Pick the older revision in the first column and the newer one in the second.
      </p>
    </form>
  );
}
