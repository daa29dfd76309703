import Link from "next/link";
import type { MyNoteFacets } from "@/lib/notes/my-note-facets";

export type MyNotesFilterValues = { q?: string; article?: string; tag?: string; visibility?: string; group?: string };

const control =
  "mt-1 block w-full min-h-11 rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm dark:border-zinc-700 dark:bg-zinc-900";

const audienceLabel: Record<string, string> = { public: "Public", private: "Only me", group: "Group notes" };

// The filters of /notes: a plain GET form (keyboard and no JavaScript alike), filled with the current values.
export function MyNotesFilters({ facets, values }: { facets: MyNoteFacets; values: MyNotesFilterValues }) {
  const audiences = [...new Set(["public", "private", ...facets.audiences])];
  return (
    <form
      action="/notes"
      method="get"
      role="search"
      aria-label="Filter my notes"
      className="mt-6 grid gap-3 rounded-md border border-zinc-200 p-4 sm:grid-cols-2 dark:border-zinc-800"
    >
      <div className="sm:col-span-2">
        <label htmlFor="notes-q" className="block text-sm font-medium">
          Search my notes
        </label>
        <input id="notes-q" name="q" type="search" defaultValue={values.q ?? ""} maxLength={200} className={control} />
      </div>
      <div>
        <label htmlFor="notes-article" className="block text-sm font-medium">
          Article
        </label>
        <select id="notes-article" name="article" defaultValue={values.article ?? ""} className={control}>
          <option value="">All articles</option>
          {facets.articles.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="notes-tag" className="block text-sm font-medium">
          Tag
        </label>
        <input
          id="notes-tag"
          name="tag"
          list="notes-tags"
          defaultValue={values.tag ?? ""}
          maxLength={40}
          autoComplete="off"
          placeholder="Any tag"
          className={control}
        />
        <datalist id="notes-tags">
          {facets.tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor="notes-visibility" className="block text-sm font-medium">
          Visibility
        </label>
        <select id="notes-visibility" name="visibility" defaultValue={values.visibility ?? ""} className={control}>
          <option value="">Everyone I wrote for</option>
          {audiences.map((a) => (
            <option key={a} value={a}>
              {audienceLabel[a] ?? a}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="min-h-11 rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Show notes
        </button>
        <Link
          href="/notes"
          className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-accent-700 hover:underline dark:text-accent-300"
        >
          Clear filters
        </Link>
      </div>
    </form>
  );
}

export { audienceLabel };
