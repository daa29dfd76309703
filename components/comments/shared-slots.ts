// The placeholders of a shared article page's shell (issue 21): the article page rendered once with
// its discussion left out, which scripts/server.mjs fills from each thread's cached HTML and the
// discussion's current figures (scripts/lib/assemble.mjs reads these same strings; a unit test
// keeps the two in step). HTML comments: they never show, and the markup around them is whole.

/** Where the heading's count goes: "(N)". */
export const totalSlot = "<!--gloss:total-->";

/**
 * Where the threads go, with what the shell itself was drawn for (the pager's size, whether there
 * is more than one comment, whether the page has no thread): a page whose figures differ needs a
 * new shell.
 */
export function threadsSlot(shape: { pageCount: number; total: number; empty: boolean }) {
  return `<!--gloss:threads ${shellShape(shape)}-->`;
}

export function shellShape({ pageCount, total, empty }: { pageCount: number; total: number; empty: boolean }) {
  return `${pageCount}.${Math.min(total, 2)}.${empty ? 1 : 0}`;
}

/** The JSON of the threads (CommentView[]) that the server puts at the end of the page it fills. */
export const threadsJsonSelector = "script[data-gloss-threads]";
