"use client";
import { useEffect } from "react";
import { offsetAtPoint, type TextSpan } from "@/lib/anchoring/dom/dom-ranges";
import type { TextMap } from "@/lib/anchoring/dom/text-map";
import type { NoteThread } from "../model/note-data";

/**
 * Clicking (or tapping) painted text opens the notes on it, innermost passage first; the
 * pointer shows which text has notes, and `hover` hears which note's passage it is on (null when
 * none), so the margin can light that note with it. Painted passages are not elements, so the
 * pointer's text offset is looked up among the passages.
 */
export function useHighlightClicks(
  body: HTMLElement | null,
  liveMap: TextMap<Node> | null,
  anchored: readonly NoteThread[],
  spans: Map<string, TextSpan>,
  open: (ids: string[], focusId: string, focus: boolean) => void,
  hover?: (id: string | null) => void,
) {
  useEffect(() => {
    if (!body || !liveMap) return;
    const hits = (x: number, y: number) => {
      const at = offsetAtPoint(liveMap, x, y);
      if (at === null) return [];
      return anchored
        .filter((t) => {
          const s = spans.get(t.id)!;
          return s.start <= at && at <= s.end;
        })
        .sort(
          (a, b) => spans.get(a.id)!.end - spans.get(a.id)!.start - (spans.get(b.id)!.end - spans.get(b.id)!.start),
        );
    };
    const onClick = (e: MouseEvent) => {
      if ((e.target as Element).closest?.("[data-annotation-ui], a, button")) return;
      if (document.getSelection()?.isCollapsed === false) return;
      const found = hits(e.clientX, e.clientY);
      if (found.length)
        open(
          found.map((t) => t.id),
          found[0].id,
          true,
        );
    };
    let frame = 0;
    let over: string | null = null;
    const pointAt = (id: string | null) => {
      if (id !== over) {
        over = id;
        hover?.(id);
      }
    };
    const onMove = (e: MouseEvent) => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const found = hits(e.clientX, e.clientY);
        body.style.cursor = found.length ? "pointer" : "";
        pointAt(found[0]?.id ?? null);
      });
    };
    const onLeave = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      pointAt(null);
    };
    body.addEventListener("click", onClick);
    body.addEventListener("mousemove", onMove);
    body.addEventListener("mouseleave", onLeave);
    return () => {
      body.removeEventListener("click", onClick);
      body.removeEventListener("mousemove", onMove);
      body.removeEventListener("mouseleave", onLeave);
      cancelAnimationFrame(frame);
      if (over) hover?.(null);
    };
  }, [body, liveMap, anchored, spans, open, hover]);
}
