// When an annotation is placed and when it is orphaned. Chosen from measurements that
// `npm run bench` prints again — the 434 quotes of ../shared/corpora/revisions with every
// candidate place of each scored (386 right places, 672 wrong ones) — and from the tests'
// revisions of the seed article, synthetic and random (random-revisions.test.ts, 1,500 anchors;
// 27,000 over nine seeds while tuning: 0 misplaced by reanchor or resolveAnchor, 389 by the
// Hypothesis baseline). How a candidate is scored (score-candidate.ts):
//
//   score   = (QUOTE_WEIGHT·d·quote + CONTEXT_WEIGHT·context) / (QUOTE_WEIGHT·d + CONTEXT_WEIGHT)
//   quote   = (similarity − QUOTE_FLOOR) / (1 − QUOTE_FLOOR), 1 for an exact occurrence
//   context = each stored side's (similarity − CONTEXT_FLOOR) / (1 − CONTEXT_FLOOR), averaged —
//             the mean for a distinctive quote (one side may have been rewritten), tending to the
//             geometric mean (both sides needed) as d falls
//   d       = min(1, length / DISTINCT_LENGTH) for an exact quote known to have been unique in
//             the original; min(1, length / UNKNOWN_DISTINCT_LENGTH) when that is unknown, or for
//             an approximate match; 0 when the quote recurs, in the text or in the original
//
// The best candidate is accepted only when score ≥ MIN_SCORE and its lead over every other
// candidate is ≥ MIN_MARGIN. Placed correctly or orphaned, never misplaced: in doubt, orphan.

export const QUOTE_WEIGHT = 0.6;
export const CONTEXT_WEIGHT = 0.4;

/**
 * Approximate matches less similar than this are no candidates. Right places: 0.83–0.99 on the
 * corpus, 0.80 in the tests (a sentence inserted into a quote); the best match of every corpus
 * quote that must be orphaned: ≤ 0.67. Wrong places reach 0.88 ("you buy Developer Products
 * through GitHub Marketplace" for "you list a Developer Product through …"): similarity alone
 * cannot decide, the context must.
 */
export const QUOTE_FLOOR = 0.7;

/**
 * Context similarity next to an unrelated place (English text shares letters): median 0.31,
 * 90th percentile 0.44 on the corpus. Only what lies above counts as agreement.
 */
export const CONTEXT_FLOOR = 0.45;

/**
 * Right places scored ≥ 0.52 on the corpus where accepted (the lowest: "access is required for",
 * exact, its context rewritten on both sides, 0.523; "If you run into something or" recased, one
 * side rewritten, 0.520), wrong places ≤ 0.36; in the tests a look-alike passage scores 0.39 and
 * a 14-character quote in unrelated context 0.27. 0.5 lies in the gap, nearer the right places.
 * It orphans two heavily edited corpus quotes (0.28, 0.33), which the corpus allows.
 */
export const MIN_SCORE = 0.5;

/**
 * On the corpus every accepted right best led its runner-up by ≥ 0.52; copies of a passage that
 * only the position tells apart tie (0). 0.15 asks, for a long quote, most of one context side
 * more agreement than the rival has; between recurring quotes, a third of one side.
 */
export const MIN_MARGIN = 0.15;

/**
 * Added for ranking only (never towards MIN_SCORE) to a candidate where the diff of two
 * revisions put the old passage (reanchor): larger than MIN_MARGIN, so a tie between copies of a
 * passage goes to the copy the diff aligned, and not by much, so it never overrides a clearly
 * better match elsewhere.
 */
export const ALIGNED_BONUS = 0.2;

/**
 * Below this length a quote's own text is weaker evidence (short phrases recur). A quote unique
 * in the original and in the text reaches MIN_SCORE in unrelated context from 22 characters on:
 * the corpus's "access is required for" (22), kept in a rewritten sentence, must be placed; the
 * seed's "Saddam Hussein" (14), mentioned anew elsewhere after its sentence was cut, must not.
 */
export const DISTINCT_LENGTH = 32;

/**
 * The same when that uniqueness is unknown (resolveAnchor without the old text) or for an
 * approximate match (a unique "Ministry of Intelligence and Security." says nothing of the
 * "ministry of Intelligence and Security." elsewhere): from 38 characters on. Random revisions
 * showed why: the seed says "being a member of NATO and an ally of" (37) twice, and once one
 * copy is cut, a note on it must not move to the other.
 */
export const UNKNOWN_DISTINCT_LENGTH = 56;

// Following an edited passage (follow-edit.ts): the revision diff, on typographically folded
// text, says where the passage went; it is followed only when all of these hold, and no other
// region of the new text is as close to the quote (nor within QUOTE_FLOOR of it).

/**
 * The share of the quote's characters the diff must keep, and the least similarity of the
 * region to the quote: "most of the quote". "moderate their own projects on an" → "moderate
 * their own projects" keeps 0.82; a quote of two words with one replaced keeps about half.
 */
export const FOLLOW_KEPT = 0.5;

/**
 * One side of the stored context must be at least this similar next to the region (or the
 * block id agree). Unrelated text scores a median 0.31, 90th percentile 0.44 on the corpus;
 * a side the edit touched near the quote (a sentence split just outside it) still scores above.
 */
export const FOLLOW_CONTEXT = 0.6;

/** The region may be at most this many times the quote's length, or FOLLOW_MAX_CLAUSE characters
 * longer, whichever is more (a clause added in the middle). */
export const FOLLOW_MAX_GROWTH = 2;
export const FOLLOW_MAX_CLAUSE = 60;

/**
 * The region and the quote must share a verbatim stretch of at least this share of the quote.
 * The corpus calls a quote gone when its longest run in the new text is under 35%: "the right to
 * sell Your Content or otherwise distribute or use it outside of our provision of the" (97) kept
 * 88 of its characters in a rewritten sentence, but in pieces of at most 32. One edit inside a
 * quote (a word, a clause, a split) leaves a piece of half of it or more.
 */
export const FOLLOW_RUN = 0.4;

/**
 * A look-alike within QUOTE_FLOOR of the quote competes with the region unless it is at least
 * this many edits farther from the quote than the region AND its surroundings resemble the
 * stored context less than the region's. "moderate their own projects on an", moved into a new
 * paragraph as "moderate their own projects, please" (6 edits, prefix 0.63), beside a new
 * "clearly, moderate their projects where" (9 edits, unrelated context). Checked on the corpus
 * and on 8,800 generated rewordings (4 seeds, 2,400 traps): 0 misplaced.
 */
export const FOLLOW_RIVAL_MARGIN = 3;
