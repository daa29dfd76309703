import type { Metadata } from "next";
import Link from "next/link";
import { MyNotesFilters, type MyNotesFilterValues } from "@/components/notes/my-notes-filters";
import { MyNotesList } from "@/components/notes/my-notes-list";
import { requirePage } from "@/lib/auth/require-page";
import { isAppError } from "@/lib/errors";
import { listMyNotes, type MyNotesPage } from "@/lib/notes/list-my-notes";
import { myNoteFacets } from "@/lib/notes/my-note-facets";

export const metadata: Metadata = { title: "My notes", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const filterKeys = ["q", "article", "tag", "visibility", "group"] as const;
const linkClass = "font-medium text-accent-700 hover:underline dark:text-accent-300";

// Everything I wrote across articles, newest first, filtered and searchable; each note links to
// its passage. Exports of the same selection as files. Works without JavaScript.
export default async function MyNotesPageView({ searchParams }: Props) {
  const params = await searchParams;
  const viewer = await requirePage("account.manage", "/notes");
  const values: MyNotesFilterValues = {};
  for (const key of filterKeys) {
    const v = params[key];
    const one = Array.isArray(v) ? v[0] : v;
    if (one?.trim()) values[key] = one;
  }
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const facets = await myNoteFacets(viewer);
  let page: MyNotesPage | null = null;
  let problem: string | null = null;
  try {
    page = await listMyNotes(viewer, { ...values, cursor });
  } catch (e) {
    if (!isAppError(e) || e.status !== 400) throw e;
    problem = [e.message, ...Object.values(e.fields ?? {})].join(" ");
  }
  const filtered = new URLSearchParams(Object.entries(values) as [string, string][]);
  const withFilters = (extra: Record<string, string>) => {
    const p = new URLSearchParams(filtered);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.toString();
  };
  const anyFilter = filterKeys.some((k) => values[k]);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">My notes</h1>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        Every note, highlight and reply you have written, newest first — public ones and those only you can see.
      </p>
      <MyNotesFilters facets={facets} values={values} />
      <p className="mt-4 text-sm" aria-label="Download my notes">
        Download {anyFilter ? "these notes" : "all my notes"}:{" "}
        <a href={`/api/me/notes?${withFilters({ format: "md" })}`} download className={linkClass}>
          Markdown
        </a>
        {" · "}
        <a href={`/api/me/notes?${withFilters({ format: "csv" })}`} download className={linkClass}>
          CSV
        </a>
        {" · "}
        <a href={`/api/me/notes?${withFilters({ format: "jsonld" })}`} download className={linkClass}>
          JSON-LD (W3C)
        </a>
      </p>
      {problem ? (
        <p
          role="alert"
          className="mt-6 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
        >
          {problem}
        </p>
      ) : null}
      {page ? (
        <>
          <p className="mt-6 text-sm text-zinc-700 dark:text-zinc-300" role="status">
            {page.notes.length
              ? cursor
                ? "Older notes."
                : anyFilter
                  ? "Your notes that match."
                  : "Your newest notes."
              : anyFilter
                ? "None of your notes match these filters."
                : "You have not written any notes yet. Select a passage in an article and choose Annotate."}
          </p>
          {page.notes.length ? <MyNotesList notes={page.notes} /> : null}
          {page.next ? (
            <p className="mt-6">
              <Link href={`/notes?${withFilters({ cursor: page.next })}`} className={linkClass}>
                Older notes
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
