import type { CommentView } from "./comment-view";

// The server HTML of a long discussion, light for the browser (issue 22: the 5,000-comment page's
// 84 comments were 1,500 elements, Lighthouse warns at 800). The first comments are ordinary markup;
// the rest of the page load's comments follow inside <noscript>: real HTML for readers and crawlers
// without JavaScript, one text node for everybody else. With JavaScript the list wakes (React draws
// it from its JSON, components/comments/comment-threads.tsx) a screen before the reader reaches it,
// so what is below the first screens costs nothing until then.

/** How many comments (replies included, in reading order) the server HTML carries as live markup at most. */
export const liveComments = 30;
/**
 * And how many elements they may make at most: the rest of the page is ~260, Lighthouse warns
 * above 800. A comment is ~10 elements around its text (item, article, header, link, time, body,
 * actions row and its controls) plus its text's own; long comments end the live part sooner.
 */
export const liveElements = 420;

/** The elements one comment adds to the page (an estimate: its frame and its text's tags). */
export const commentElements = (c: Pick<CommentView, "html">) => 10 + (c.html?.match(/<[a-z]/gi)?.length ?? 0);

/** The key of the top-level list in a cut. */
export const threadsKey = "";

/**
 * Where the live part of the server HTML ends: after the `n`-th comment in reading order (a comment,
 * then its replies), or sooner, after the comment whose elements reach `elements`. For every list on
 * the path to that comment, how many of its items stay live; the items after them and the list's
 * "Show N more replies" go into a <noscript> at the list's end. The top-level list is keyed
 * `threadsKey`, a replies list by its comment's id (0 when all its replies are inert). Null when
 * nothing comes after that comment: nothing to cut.
 */
export function inertCut(views: CommentView[], n = liveComments, elements = liveElements): Map<string, number> | null {
  if (n < 1) return null;
  const cut = new Map<string, number>();
  let seen = 0;
  let weight = 0;
  const walk = (list: CommentView[], key: string): boolean => {
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      seen++;
      weight += commentElements(c);
      if (seen === n || weight >= elements) {
        cut.set(key, i + 1);
        if (c.replies?.length || c.moreReplies) cut.set(c.id, 0);
        return true;
      }
      if (c.replies?.length && walk(c.replies, c.id)) {
        cut.set(key, i + 1);
        return true;
      }
    }
    return false;
  };
  if (!walk(views, threadsKey)) return null;
  // Anything after that comment? (Its replies, its list's later items, an ancestor's later items or stub.)
  return countAll(views) > seen || hasStubAfter(views, cut) ? cut : null;
}

/** The comments in a tree of views (replies included; the replies a load left out are not in it). */
export function countAll(views: CommentView[]): number {
  let n = 0;
  for (const c of views) n += 1 + (c.replies ? countAll(c.replies) : 0);
  return n;
}

/** A "Show N more replies" of a list on the cut's path (it goes after the cut too). */
function hasStubAfter(views: CommentView[], cut: Map<string, number>): boolean {
  for (const c of views) {
    if (!cut.has(c.id)) continue;
    if (c.moreReplies) return true;
    if (c.replies && hasStubAfter(c.replies, cut)) return true;
  }
  return false;
}

/**
 * What a thread's live markup holds, for the room it keeps until it is laid out
 * (`content-visibility: auto` in globals.css, which turns this into a height for the screen's
 * width; once drawn the browser remembers the real size): `rem`, the fixed part of its comments
 * (header, actions, paragraph margins, a line more a paragraph for its last, part-filled line), and
 * `chars`, its text's characters. Guessed on the high side: too small and what the browser has not
 * laid out overflows into the next thread's place — targets that seem to overlap to a checker
 * (axe's target-size) and a scrollbar that lies; too big only leaves room that closes when drawn.
 */
export function threadSize(thread: CommentView, cut?: Map<string, number> | null): { rem: number; chars: number } {
  let rem = 0;
  let chars = 0;
  const walk = (c: CommentView) => {
    if (c.status === "deleted") rem += 3.5;
    else {
      const html = c.html ?? "";
      const blocks = html.match(/<(p|li|blockquote|pre|h\d)\b/g)?.length || 1;
      // Header and actions row with the padding, 7 rem; a paragraph's margin and its last line, 2.6.
      rem += 7 + blocks * 2.6;
      chars += html.replace(/<[^>]*>/g, "").length;
    }
    const replies = c.replies ?? [];
    const live = cut?.get(c.id) ?? replies.length;
    for (const r of replies.slice(0, live)) walk(r);
    if (c.moreReplies && live >= replies.length) rem += 3; // its "Show N more replies"
  };
  walk(thread);
  return { rem: Math.ceil(rem), chars };
}
