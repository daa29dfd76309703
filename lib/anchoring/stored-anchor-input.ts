import type { ReanchoredAnchor } from "./reanchor";
import type { AnchorInput } from "./types";

/** A note's anchor as stored (readers' notes and review notes alike). */
export type StoredAnchor = {
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  blockId: string | null;
  state: string;
};

/**
 * What reanchor() gets for a stored note: its quote always; its position and block only while it is
 * anchored — an orphaned note's old position means nothing in the old text, so it is found by quote.
 */
export function storedAnchorInput(n: StoredAnchor): AnchorInput {
  return {
    quote: { exact: n.exact!, prefix: n.prefix ?? "", suffix: n.suffix ?? "" },
    ...(n.state === "anchored" && n.start !== null && n.end !== null
      ? { position: { start: n.start, end: n.end } }
      : {}),
    ...(n.state === "anchored" && n.blockId ? { blockId: n.blockId } : {}),
  };
}

/** What is written back for a note after reanchor(). */
export type StoredAnchorRow = {
  id: string;
  state: "anchored" | "orphaned";
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  blockId: string | null;
};

/**
 * The row to store for a note after reanchor(): the selectors described on the new text, or — when
 * it is orphaned — its old quote and position kept (so a later revision can find it again), no block.
 */
export function storedAnchorRow(n: StoredAnchor & { id: string }, r: ReanchoredAnchor): StoredAnchorRow {
  if (r.state === "orphaned") {
    return {
      id: n.id,
      state: "orphaned",
      exact: n.exact!,
      prefix: n.prefix ?? "",
      suffix: n.suffix ?? "",
      start: n.start ?? 0,
      end: n.end ?? 0,
      blockId: null,
    };
  }
  const { exact, prefix, suffix } = r.quote;
  return { id: n.id, state: "anchored", exact, prefix, suffix, start: r.start, end: r.end, blockId: r.blockId ?? null };
}
