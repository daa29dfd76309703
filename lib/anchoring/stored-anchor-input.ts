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
