import { type CommentSort, sharedThreads } from "@/lib/comments/discussion-view";
import { ThreadParts } from "./thread-parts";

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
  const { threads, context } = await sharedThreads(slug, sort, page);
  const wanted = new Set(ids);
  return <ThreadParts mark={mark} parts={threads.filter((t) => wanted.has(t.id))} {...context} />;
}
