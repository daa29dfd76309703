// Where margin notes go: each passage's box at its passage's height, never overlapping the one above.
export const GAP = 8;

/** Tops for boxes that want to sit at `desired` without overlapping: each is pushed below the previous one. */
export function stackTops(desired: readonly number[], heights: readonly number[], gap = GAP): number[] {
  const tops: number[] = [];
  let floor = 0;
  desired.forEach((want, i) => {
    const top = Math.max(want, floor);
    tops.push(top);
    floor = top + heights[i] + gap;
  });
  return tops;
}
