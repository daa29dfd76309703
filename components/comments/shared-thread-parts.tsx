import { type CommentSort, sharedThreads, type ThreadContext, type ThreadPart } from "@/lib/comments/discussion-view";
import { ThreadFragments } from "./thread-fragments";

/**
 * The threads scripts/server.mjs asks for, handed over in this process under the request's mark
 * (it has just read them: lib/comments/discussion-view.ts) so they are not read again.
 */
type Handoff = Map<string, { threads: ThreadPart[]; context: ThreadContext }>;
const handoff = () => (globalThis as { glossThreadHandoff?: Handoff }).glossThreadHandoff;

/** The threads `ids` of a shared page (its sort and page), alone, marked with `mark`: what scripts/server.mjs asks for to fill a shell. */
export async function SharedThreadParts({
  slug,
  sort,
  page,
  mark,
  ids,
}: {
  slug: string;
  sort: CommentSort;
  page: number;
  mark: string;
  ids: string[];
}) {
  const { threads, context } = handoff()?.get(mark) ?? (await sharedThreads(slug, sort, page));
  const wanted = new Set(ids);
  return <ThreadFragments mark={mark} parts={threads.filter((t) => wanted.has(t.id))} {...context} />;
}
