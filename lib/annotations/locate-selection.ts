import { createCodePointIndex } from "@/lib/anchoring/code-points";
import { findAll } from "@/lib/anchoring/find-exact-occurrences";
import { AppError } from "@/lib/errors";
import { maxQuoteLength } from "@/lib/validation/annotation";

const quoteTooLong = () =>
  new AppError(
    "too_large",
    `The quoted passage is too long: at most ${maxQuoteLength.toLocaleString("en")} characters.`,
    { "target.selector": `At most ${maxQuoteLength.toLocaleString("en")} characters.` },
  );

type Selection = {
  quote?: { exact: string; prefix?: string; suffix?: string };
  position?: { start: number; end: number };
};

/**
 * Where a new annotation's selectors point in the current text, in code points. A position must
 * hold exactly the quote; a quote alone must occur once, or its prefix/suffix must single one
 * occurrence out. Anything else is refused, naming the selector.
 */
export function locateSelection(text: string, sel: Selection): { start: number; end: number } {
  const index = createCodePointIndex(text);
  if (sel.position) {
    const { start, end } = sel.position;
    // A position alone is held to the quote cap too: what it selects becomes the stored quote.
    if (end - start > maxQuoteLength) throw quoteTooLong();
    if (end > index.length)
      throw new AppError(
        "bad_request",
        `TextPositionSelector is out of range: the text has ${index.length} characters.`,
        { "target.selector.end": "Beyond the end of the text." },
      );
    const at = text.slice(index.toUtf16(start), index.toUtf16(end));
    // The position is only a hint: when it disagrees with the quote, the quote decides.
    if (!sel.quote || at === sel.quote.exact) return { start, end };
  }
  const { exact, prefix = "", suffix = "" } = sel.quote!;
  const hits = findAll(text, exact);
  if (hits.length === 0)
    throw new AppError("bad_request", "TextQuoteSelector.exact does not occur in the article’s text.", {
      "target.selector.exact": "Not found in the article’s text.",
    });
  let chosen = hits;
  if (hits.length > 1) {
    chosen = hits.filter((h) => text.slice(0, h).endsWith(prefix) && text.slice(h + exact.length).startsWith(suffix));
    if (chosen.length !== 1)
      throw new AppError(
        "bad_request",
        `TextQuoteSelector.exact occurs ${hits.length} times; give a prefix or suffix that singles one out.`,
        { "target.selector.prefix": "Needed to tell the occurrences apart." },
      );
  }
  const found = { start: index.toCodePoint(chosen[0]), end: index.toCodePoint(chosen[0] + exact.length) };
  if (found.end - found.start > maxQuoteLength) throw quoteTooLong();
  return found;
}
