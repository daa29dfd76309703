// Test and bench support: generated rewordings (random-revision.ts) anchored by reanchor, as
// the server re-anchors on publish, and judged against the outcome each must have.
import { describeAnchor } from "@/lib/anchoring/describe-anchor";
import { reanchor } from "@/lib/anchoring/reanchor";
import {
  FOLLOWABLE_KINDS,
  landsOnOwnPassage,
  ORPHAN_KINDS,
  type RewordingCase,
  type RewordingKind,
  randomRewording,
} from "./random-revision";

export type RewordingTally = { cases: number; followed: number; orphaned: number; misplaced: number };

export const REWORDING_KINDS: readonly RewordingKind[] = [...FOLLOWABLE_KINDS, ...ORPHAN_KINDS];

/** `perKind` cases of every kind, in a fixed order from `random`. */
export function generateRewordings(base: string, random: () => number, perKind: number): RewordingCase[] {
  const cases: RewordingCase[] = [];
  for (let index = 0; index < perKind; index++) {
    for (const kind of REWORDING_KINDS) cases.push(randomRewording(base, random, kind));
  }
  return cases;
}

/** Where reanchor puts the case's anchor (UTF-16 offsets of the revision; no astral characters here), or null. */
export function placeRewording(rewording: RewordingCase): { start: number; end: number } | null {
  const anchor = describeAnchor(rewording.oldText, rewording.from, rewording.to, rewording.oldBlocks);
  const [result] = reanchor(rewording.oldText, rewording.revision.text, [anchor], {
    newBlocks: rewording.revision.blocks,
  }).anchors;
  return result.state === "anchored" ? { start: result.start, end: result.end } : null;
}

/** "followed": on its own passage; "orphaned"; "misplaced": anywhere else, or anywhere for a trap. */
export function judgeRewording(
  rewording: RewordingCase,
  placed: { start: number; end: number } | null,
): "followed" | "orphaned" | "misplaced" {
  if (!placed) return "orphaned";
  if (rewording.expect === "orphan") return "misplaced";
  return landsOnOwnPassage(rewording.revision, rewording.from, rewording.to, placed.start, placed.end)
    ? "followed"
    : "misplaced";
}

/** Tallies by kind, and over all followable and all trap cases. */
export function scoreRewordings(cases: readonly RewordingCase[]) {
  const byKind = new Map<string, RewordingTally>();
  const total = { followable: empty(), traps: empty() };
  const misplacements: RewordingCase[] = [];
  for (const rewording of cases) {
    const verdict = judgeRewording(rewording, placeRewording(rewording));
    const key = rewording.kind;
    const tally = byKind.get(key) ?? empty();
    byKind.set(key, tally);
    for (const target of [tally, rewording.expect === "follow" ? total.followable : total.traps]) {
      target.cases++;
      target[verdict]++;
    }
    if (verdict === "misplaced") misplacements.push(rewording);
  }
  return { byKind, ...total, misplacements };
}

const empty = (): RewordingTally => ({ cases: 0, followed: 0, orphaned: 0, misplaced: 0 });
