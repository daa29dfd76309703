// Text anchoring for margin annotations: pure (no DOM, no database), shared by the server and
// the browser. Positions are Unicode code points of the article's plain text (CONTRACT.md).
export { createCodePointIndex, type CodePointIndex } from "./code-points";
export { describeTextQuote, MIN_CONTEXT } from "./describe-text-quote";
export { blockIdAt, describeAnchor } from "./describe-anchor";
export { createResolver, resolveAnchor, type ResolveOptions, type Resolver } from "./resolve-anchor";
export { reanchor, type ReanchoredAnchor, type ReanchorMethod, type ReanchorOptions, type ReanchorResult } from "./reanchor";
export { hypothesisMatchQuote, type HypothesisMatch } from "./hypothesis-match-quote";
export { matchTextQuote, type TextQuoteMatch } from "./match-text-quote";
export * from "./thresholds";
export type * from "./types";
