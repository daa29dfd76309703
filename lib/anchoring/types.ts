// The anchor is data (STYLE habit 11): the quote is the truth, the position only a hint.
// All positions here count Unicode code points of the article's plain text (W3C rule).

/** W3C TextQuoteSelector fields: the quoted text and the text right before and after it. */
export type TextQuote = { exact: string; prefix: string; suffix: string };

/** W3C TextPositionSelector fields, in code points of the article's plain text. */
export type TextPosition = { start: number; end: number };

/** A block of the article's plain text; blocks are joined by "\n" to form the text. */
export type AnchorBlock = { id: string; text: string };

/** What Gloss stores for an annotation's target (the revision is stored beside it). */
export type StoredAnchor = {
  quote: TextQuote;
  position: TextPosition;
  blockId?: string;
};

/** How an anchor was placed: at its stored position, at an exact occurrence, or approximately. */
export type ResolveMethod = "position" | "exact" | "fuzzy";

export type OrphanReason = "empty-quote" | "not-found" | "low-confidence" | "ambiguous";

export type AnchoredResult = {
  state: "anchored";
  start: number;
  end: number;
  score: number;
  method: ResolveMethod;
};

export type OrphanedResult = { state: "orphaned"; reason: OrphanReason };

export type ResolveResult = AnchoredResult | OrphanedResult;

/** An anchor that must be resolved: at least the quote; a position hint when there is one. */
export type AnchorInput = {
  quote: TextQuote;
  position?: TextPosition;
  /** The block the anchor started in, when known: a passage edited in place stays in its block. */
  blockId?: string;
};
