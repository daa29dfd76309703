import { createMaskedSearch, MASK, type Span } from "./approx-search";

/** A stretch of the text matching a quote with `errors` edits (UTF-16 offsets); matches that
 * overlap share a `region` (they are variants of one placement, differing at the ends). */
export type FuzzyMatch = { start: number; end: number; errors: number; region: number };

export type { Span };

/** Errors allowed when searching for a quote, as Hypothesis allows: min(256, length / 2). */
export function maxQuoteErrors(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 2));
}

/** Matches kept at most (a short quote can match approximately almost anywhere). */
const MAX_MATCHES = 64;

/**
 * Approximate search in rounds. approx-string-match only reports the matches with the fewest
 * errors, so each round returns the best remaining regions, then masks them out; the next round
 * finds the runners-up (needed to tell a unique match from a tie), within an error budget the
 * caller lowers as soon as worse matches could no longer matter. Spans in `exclude` (the exact
 * occurrences, already candidates) are masked from the start.
 */
export function createFuzzySearch(text: string, quote: string, exclude: readonly Span[] = []) {
  // Each round reads only what the last round's masks changed (approx-search.ts).
  const search = createMaskedSearch(text, quote);
  if (exclude.length > 0) search.mask(mergeSpans(exclude));
  let regions = 0;
  let found = 0;
  const usable = quote.length > 0 && text.length > 0 && !quote.includes(MASK);

  return {
    /** The next best regions' matches with at most `maxErrors` errors; [] when none is left. */
    next(maxErrors: number): FuzzyMatch[] {
      if (!usable || found >= MAX_MATCHES || maxErrors < 0) return [];
      const matches = search.best(maxErrors, MAX_MATCHES - found);
      if (matches.length === 0) return [];
      const { grouped, spans } = groupOverlapping(matches, regions);
      regions += spans.length;
      found += grouped.length;
      search.mask(spans);
      return grouped;
    },
  };
}

// Numbers the matches by region (overlapping matches share one) and returns each region's span.
function groupOverlapping(matches: readonly Omit<FuzzyMatch, "region">[], firstRegion: number) {
  const sorted = [...matches].sort((a, b) => a.start - b.start || a.end - b.end);
  const spans: Span[] = [];
  const grouped: FuzzyMatch[] = [];
  for (const match of sorted) {
    const last = spans[spans.length - 1];
    if (last && match.start < last.end) last.end = Math.max(last.end, match.end);
    else spans.push({ start: match.start, end: match.end });
    grouped.push({ ...match, region: firstRegion + spans.length - 1 });
  }
  return { grouped, spans };
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
