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

/**
 * Like stackTops, but box `pinned` (the note being written) keeps its desired top, as Google Docs
 * and Hypothesis keep the new comment level with its passage: the boxes above it move up out of
 * its way (never above 0), the boxes below it are pushed down. When the boxes above cannot all
 * fit between 0 and it, the last of them stay partly under it (it is drawn above them).
 */
export function stackTopsAround(
  desired: readonly number[],
  heights: readonly number[],
  pinned: number,
  gap = GAP,
): number[] {
  if (pinned < 0 || pinned >= desired.length) return stackTops(desired, heights, gap);
  const tops = stackTops(desired.slice(0, pinned), heights.slice(0, pinned), gap);
  let ceiling = desired[pinned];
  for (let i = pinned - 1; i >= 0; i--) {
    tops[i] = Math.min(tops[i], ceiling - gap - heights[i]);
    ceiling = tops[i];
  }
  // Not enough room above: those pushed above 0 come back down (under the pinned box).
  const above = tops.length && tops[0] < 0 ? stackTops(tops, heights.slice(0, pinned), gap) : tops;
  return [...above, ...stackTops(desired.slice(pinned), heights.slice(pinned), gap)];
}
