import type { AnnotationImpact } from "@/lib/annotations/reanchor-annotations";

/** "N notes stay, M move, K orphaned" — the annotation impact in one line (private notes counted, never shown). */
export function describeImpact({ kept, moved, orphaned, privateOrphaned = 0 }: AnnotationImpact) {
  return `${kept} ${kept === 1 ? "note stays" : "notes stay"}, ${moved} ${moved === 1 ? "moves" : "move"}, ${orphaned.length + privateOrphaned} orphaned`;
}

/** The sentence under the list of orphaned quotes: private notes are only a number to anyone but their author. */
export function describePrivateOrphaned({ privateOrphaned = 0 }: AnnotationImpact) {
  if (!privateOrphaned) return null;
  return `${privateOrphaned === 1 ? "One private note" : `${privateOrphaned} private notes`} also ${privateOrphaned === 1 ? "loses its" : "lose their"} passage (private: only ${privateOrphaned === 1 ? "its author sees it" : "their authors see them"}).`;
}
