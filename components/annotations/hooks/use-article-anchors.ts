"use client";
import { useEffect, useMemo, useState } from "react";
import type { TextSpan } from "@/lib/anchoring/dom/dom-ranges";
import {
  clearHighlights,
  type PaintSpan,
  paintActive,
  paintWithHighlights,
  unwrapMarks,
  wrapMarks,
} from "@/lib/anchoring/dom/paint-highlights";
import { createTextMap, type TextMap } from "@/lib/anchoring/dom/text-map";
import { createResolver, type Resolver } from "@/lib/anchoring/resolve-anchor";
import type { NoteThread } from "../model/note-data";

export type ArticleText = { body: HTMLElement; map: TextMap<Node>; resolver: Resolver; fallback: boolean };

/** Reads the article body's text once, after hydration (null on the server and before). */
export function useArticleText(): ArticleText | null {
  const [article, setArticle] = useState<ArticleText | null>(null);
  useEffect(() => {
    const body = document.querySelector<HTMLElement>("article .article-body");
    if (!body) return;
    const t0 = performance.now();
    const map = createTextMap<Node>(body);
    const resolver = createResolver(map.text);
    performance.measure("gloss-read-text", { start: t0, detail: { length: map.text.length } });
    const fallback = typeof (globalThis as { Highlight?: unknown }).Highlight !== "function" || !("highlights" in CSS);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the DOM is only readable after mount
    setArticle({ body, map, resolver, fallback });
  }, []);
  return article;
}

/** Where each top-level note sits in the text (UTF-16 spans of map.text); orphaned ones are absent. */
export function useAnchorSpans(article: ArticleText | null, threads: readonly NoteThread[]) {
  return useMemo(
    () => (article ? resolveSpans(article.resolver, threads) : new Map<string, TextSpan>()),
    [article, threads],
  );
}

// One pass for all anchors: the stored position first, then one scan for every missed quote,
// approximate matching only for what is still missing (createResolver.resolveAll).
function resolveSpans(resolver: Resolver, threads: readonly NoteThread[]) {
  const t0 = performance.now();
  const spans = new Map<string, TextSpan>();
  const placed = threads.filter((t) => t.quote && t.state !== "orphaned");
  const results = resolver.resolveAll(placed.map((t) => ({ quote: t.quote!, position: t.position ?? undefined })));
  placed.forEach((t, i) => {
    const r = results[i];
    if (r.state === "anchored")
      spans.set(t.id, { start: resolver.index.toUtf16(r.start), end: resolver.index.toUtf16(r.end) });
  });
  performance.measure("gloss-resolve", { start: t0, detail: { count: placed.length } });
  return spans;
}

/**
 * Paints the given passages and the active one. The Custom Highlight API leaves the DOM alone;
 * the <mark> fallback rewrites text nodes, so it returns a fresh map of the live DOM.
 */
export function usePaint(
  article: ArticleText | null,
  paint: readonly PaintSpan[],
  active: TextSpan | null,
): TextMap<Node> | null {
  const [liveMap, setLiveMap] = useState<TextMap<Node> | null>(null);
  const fallback = article?.fallback ?? false;
  useEffect(() => {
    if (!article || fallback) return;
    const t0 = performance.now();
    const ranges = paintWithHighlights(article.map, paint);
    performance.measure("gloss-paint", { start: t0, detail: { count: paint.length, ranges } });
  }, [article, fallback, paint]);
  useEffect(() => {
    if (article && !fallback) paintActive(article.map, active);
  }, [article, fallback, active]);
  useEffect(() => {
    if (!article || !fallback) return;
    unwrapMarks(article.body);
    wrapMarks(article.map, paint, active);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the marks changed the DOM the map describes
    setLiveMap(createTextMap<Node>(article.body));
  }, [article, fallback, paint, active]);
  useEffect(() => () => clearHighlights(), []);
  return article ? (fallback ? (liveMap ?? article.map) : article.map) : null;
}
