/**
 * The window event the live client sends when a new reply arrives in a branch the page shows only
 * in part: the "Show N more replies" of comment `parentId` counts it (components/comments/more-replies.tsx).
 */
export const liveMoreRepliesEvent = "gloss:live-more-replies";
export type LiveMoreRepliesDetail = { parentId: string; replyId: string };

/** The "Show N more replies" control standing under comment `parentId`, if the page has one. */
export const moreRepliesControl = (parentId: string) =>
  document.querySelector(`[data-more-replies="${CSS.escape(parentId)}"]`);

/**
 * Where a new reply (`parents`: the branch it hangs in, nearest first, from the event) belongs on
 * this page: the id of the comment whose "N more replies" should count it, or null when it is
 * shown in context (its comment is on the page with every reply drawn) or its thread is not on
 * this page at all (then it is a new comment like any other).
 */
export function collapsedBranchOf(parents: string[] | undefined, inPage: (id: string) => boolean): string | null {
  if (!parents?.length) return null;
  const at = parents.findIndex(inPage);
  if (at < 0) return null;
  const shown = parents[at];
  // Its comment is on the page and shows its replies only in part: the new one is past them.
  // Or a comment of the branch below it is not drawn: the control under `shown` stands for it.
  if (moreRepliesControl(shown)) return shown;
  return null;
}
