// The search page's own form (GET, no JavaScript needed), filled with the current query.
export function SearchForm({ query, notes = false }: { query: string; notes?: boolean }) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label={notes ? "Search notes" : "Search articles and comments"}
      className="flex flex-wrap items-end gap-2"
    >
      <div className="min-w-0 flex-1">
        <label htmlFor="search-query" className="block text-sm font-medium">
          Search for
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={200}
          autoComplete="off"
          aria-describedby="search-hint"
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-base shadow-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>
      <button
        type="submit"
        className="rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
      >
        Search
      </button>
      {notes ? <input type="hidden" name="in" value="notes" /> : null}
      <p id="search-hint" className="w-full text-xs text-zinc-600 dark:text-zinc-400">
        Words match in any form (“attack” finds “attacks”). Use “quotes” for a phrase, <kbd>or</kbd> for either word,
        and a leading minus to exclude a word.
      </p>
    </form>
  );
}
