// When an annotation is placed and when it is orphaned. Chosen from measurements, which
// `npm run bench` prints again: the 434 quotes of ../shared/corpora/revisions with every candidate
// place of each scored (386 right places, 672 wrong ones), and the synthetic revisions of the seed
// article in the tests. How a candidate is scored (score-candidate.ts):
//
//   score = (QUOTE_WEIGHT·d·quoteAgreement + CONTEXT_WEIGHT·contextAgreement) / (QUOTE_WEIGHT·d + CONTEXT_WEIGHT)
//   quoteAgreement   = (similarity − QUOTE_FLOOR) / (1 − QUOTE_FLOOR); 1 for an exact occurrence
//   contextAgreement = mean over the stored sides of (similarity − CONTEXT_FLOOR) / (1 − CONTEXT_FLOOR)
//   d                = min(1, quote length / DISTINCT_LENGTH); 0 when the quote recurs in the text
//
// and the best candidate is accepted only when score ≥ MIN_SCORE and it leads every other
// candidate by MIN_MARGIN. Placed correctly or orphaned, never misplaced: in doubt, orphan.

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
 * Right places scored ≥ 0.53 (the lowest: a 22-character exact quote whose context was rewritten
 * on both sides; approximate right places ≥ 0.62), wrong places ≤ 0.36 on the corpus; in the
 * tests a look-alike passage scores 0.40 and a 14-character quote in unrelated context 0.40.
 * 0.5 lies in the gap, nearer the right places. It orphans two edited corpus quotes (0.36 and
 * 0.46), which the corpus allows.
 */
export const MIN_SCORE = 0.5;

/**
 * On the corpus every right best led its runner-up by ≥ 0.53; copies of a passage that only
 * the position tells apart tie (0). 0.15 asks, for a long quote, most of one context side more
 * agreement than the rival has; between recurring quotes, a third of one side.
 */
export const MIN_MARGIN = 0.15;

/**
 * Added for ranking only (never towards MIN_SCORE) to a candidate where the diff of two
 * revisions put the old passage (reanchor): larger than MIN_MARGIN, so a tie between copies of a
 * passage goes to the copy the diff aligned, and not larger by much, so it never overrides a
 * clearly better match elsewhere.
 */
export const ALIGNED_BONUS = 0.2;

/**
 * Below this length a quote's own text is weaker evidence (short phrases recur): with unrelated
 * context an exact quote reaches MIN_SCORE on its own only from 22 characters on.
 */
export const DISTINCT_LENGTH = 32;
