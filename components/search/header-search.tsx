// The header's search box: a plain GET form to /search, so it works without JavaScript.
export function HeaderSearch() {
  return (
    <form action="/search" method="get" role="search" aria-label="Site search" className="flex items-center gap-1.5 text-sm">
      <label htmlFor="site-search" className="sr-only">Search</label>
      <input
        id="site-search" name="q" type="search" maxLength={200} placeholder="Search…" autoComplete="off"
        className="w-36 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 placeholder:text-zinc-500 sm:w-48 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
      />
      <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Search</button>
    </form>
  );
}
