"use client";
import { useEffect, useState } from "react";
import { spanOfRange, type TextSpan } from "@/lib/anchoring/dom/dom-ranges";
import type { TextMap } from "@/lib/anchoring/dom/text-map";

export type TextSelection = { span: TextSpan; rect: { top: number; bottom: number; left: number; right: number } };

const UI = "[data-annotation-ui]";

/**
 * The passage currently selected in the article body (mouse, touch or keyboard), read on
 * `selectionchange`. It is kept while focus is inside `keepWithin` (the toolbar or editor), so
 * tabbing to "Annotate" does not lose it.
 */
export function useTextSelection(body: HTMLElement | null, map: TextMap<Node> | null, keepWithin: HTMLElement | null) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  useEffect(() => {
    if (!body || !map) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      const sel = document.getSelection();
      const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
      const inside =
        range &&
        !range.collapsed &&
        body.contains(range.commonAncestorContainer) &&
        !(range.startContainer.parentElement?.closest(UI) || range.endContainer.parentElement?.closest(UI));
      const span = inside ? spanOfRange(map, range) : null;
      if (!span || !range) {
        if (!keepWithin?.contains(document.activeElement)) setSelection(null);
        return;
      }
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      const first = rects[0] ?? last;
      setSelection({
        span,
        rect: {
          top: first.top + scrollY,
          bottom: last.bottom + scrollY,
          left: first.left + scrollX,
          right: last.right + scrollX,
        },
      });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    document.addEventListener("selectionchange", schedule);
    body.addEventListener("mouseup", schedule);
    body.addEventListener("keyup", schedule);
    return () => {
      document.removeEventListener("selectionchange", schedule);
      body.removeEventListener("mouseup", schedule);
      body.removeEventListener("keyup", schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [body, map, keepWithin]);
  return [selection, setSelection] as const;
}

const moves: Record<string, [direction: "forward" | "backward", granularity: "character" | "line"]> = {
  ArrowRight: ["forward", "character"],
  ArrowLeft: ["backward", "character"],
  ArrowDown: ["forward", "line"],
  ArrowUp: ["backward", "line"],
};

/**
 * Caret browsing in the article body for keyboard users: the body takes focus (Tab), a caret
 * appears at its start, arrows move it, Shift+arrows select (Ctrl/Alt+arrows by word), Home/End
 * go to the line's ends. Returns the caret's page position to draw it (none is drawn natively
 * outside editable text).
 */
export function useCaretBrowsing(body: HTMLElement | null, map: TextMap<Node> | null, hintId: string) {
  const [caret, setCaret] = useState<{ top: number; left: number; height: number } | null>(null);
  useEffect(() => {
    if (!body || !map) return;
    body.setAttribute("tabindex", "0");
    body.setAttribute("aria-describedby", hintId);
    let pointer = false;
    // Plain arrows move the caret only after the body was reached with the keyboard; a reader
    // who clicked into the text keeps arrow-key scrolling (Shift+arrows select either way).
    let caretMode = false;
    const sel = () => document.getSelection();
    const drawCaret = () => {
      const s = sel();
      if (!caretMode || document.activeElement !== body || !s || !s.rangeCount || !s.isCollapsed) return setCaret(null);
      const r = s.getRangeAt(0).getBoundingClientRect();
      setCaret(r.height ? { top: r.top + scrollY, left: r.left + scrollX, height: r.height } : null);
    };
    const onPointerDown = () => {
      pointer = true;
      caretMode = false;
    };
    const onFocus = () => {
      const s = sel();
      if (!pointer) caretMode = true;
      if (!pointer && s && (!s.rangeCount || !body.contains(s.getRangeAt(0).startContainer))) {
        const first = map.segments.find((seg) => seg.bounds[seg.bounds.length - 1] > seg.bounds[0]);
        if (first) s.collapse(first.node, map.toDom(first.bounds[0], "start")?.offset ?? 0);
      }
      pointer = false;
      drawCaret();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const s = sel();
      if (!s || e.target !== body || e.metaKey) return;
      const move = moves[e.key];
      const lineEnd = e.key === "Home" || e.key === "End";
      if ((!move && !lineEnd) || (!e.shiftKey && !caretMode)) return;
      e.preventDefault();
      const [direction, granularity] = lineEnd
        ? ([e.key === "End" ? "forward" : "backward", "lineboundary"] as const)
        : move;
      const byWord = (e.ctrlKey || e.altKey) && granularity === "character";
      s.modify(e.shiftKey ? "extend" : "move", direction, byWord ? "word" : granularity);
      const focusNode = s.focusNode?.parentElement;
      focusNode?.scrollIntoView({ block: "nearest" });
      drawCaret();
    };
    const onBlur = () => setCaret(null);
    body.addEventListener("pointerdown", onPointerDown);
    body.addEventListener("focus", onFocus);
    body.addEventListener("blur", onBlur);
    body.addEventListener("keydown", onKeyDown);
    document.addEventListener("selectionchange", drawCaret);
    return () => {
      body.removeEventListener("pointerdown", onPointerDown);
      body.removeEventListener("focus", onFocus);
      body.removeEventListener("blur", onBlur);
      body.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("selectionchange", drawCaret);
      body.removeAttribute("tabindex");
      body.removeAttribute("aria-describedby");
    };
  }, [body, map, hintId]);
  return caret;
}
