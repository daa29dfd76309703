import { describe, expect, it } from "vitest";
import { stackTops, stackTopsAround } from "./stack-tops";

describe("stackTops", () => {
  it("keeps boxes at their passages and pushes a colliding one below the one above", () => {
    expect(stackTops([0, 50, 60], [40, 40, 10], 8)).toEqual([0, 50, 98]);
  });
});

describe("stackTopsAround (the note being written stays level with its passage)", () => {
  it("moves the boxes above up out of its way and pushes the ones below down", () => {
    // A tall box at 300 would push the composer (wanting 320) down to 408; instead it moves up.
    expect(stackTopsAround([300, 320, 330], [100, 50, 20], 1, 8)).toEqual([212, 320, 378]);
  });

  it("never moves a box above 0, and still keeps the composer level (drawn over what does not fit)", () => {
    expect(stackTopsAround([10, 30, 40], [100, 50, 10], 1, 8)).toEqual([0, 30, 88]);
  });

  it("leaves boxes that do not collide where they are", () => {
    expect(stackTopsAround([0, 100, 300], [40, 40, 40], 1, 8)).toEqual([0, 100, 300]);
  });

  it("is stackTops when nothing is pinned", () => {
    expect(stackTopsAround([0, 10], [40, 40], -1, 8)).toEqual(stackTops([0, 10], [40, 40], 8));
  });
});
