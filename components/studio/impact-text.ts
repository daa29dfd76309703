import type { AnnotationImpact } from "@/lib/annotations/reanchor-annotations";

/** "N notes stay, M move, K orphaned" — the annotation impact in one line. */
export function describeImpact({ kept, moved, orphaned }: AnnotationImpact) {
  return `${kept} ${kept === 1 ? "note stays" : "notes stay"}, ${moved} ${moved === 1 ? "moves" : "move"}, ${orphaned.length} orphaned`;
}
