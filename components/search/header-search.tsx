// The header's search box: a plain GET form to /search, so it works without JavaScript.
export function HeaderSearch() {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Site search"
      className="flex items-center gap-1.5 text-sm"
    >
      <label htmlFor="site-search" className="sr-only">
        Search
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        maxLength={200}
        placeholder="Search…"
        autoComplete="off"
        className="min-h-11 w-full min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-base placeholder:text-zinc-500 lg:min-h-9 lg:w-40 lg:flex-none xl:w-48 lg:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
      />
      <button
        type="submit"
        className="min-h-11 rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 lg:min-h-9 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Search
      </button>
    </form>
  );
}
