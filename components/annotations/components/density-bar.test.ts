import { describe, expect, it } from "vitest";
import { maxMarks } from "@/lib/annotations/conversation";
import { type DensityMarkTuple, markLabel, withLiveNote } from "./density-bar";

describe("the density bar, live", () => {
  const marks: DensityMarkTuple[] = [
    [10, 3, "the freedom of the…", "a"],
    [70, 1, "state responsibility…", "b"],
  ];

  it("counts a note that arrives near a mark in that mark", () => {
    expect(withLiveNote(marks, 11.2, "anything", "c")).toEqual([
      [10, 4, "the freedom of the…", "a"],
      [70, 1, "state responsibility…", "b"],
    ]);
  });

  it("adds a mark, in order, for a note elsewhere", () => {
    expect(withLiveNote(marks, 40, "the attribution problem that follows", "c")).toEqual([
      [10, 3, "the freedom of the…", "a"],
      [40, 1, "the attribution…", "c"],
      [70, 1, "state responsibility…", "b"],
    ]);
  });

  it("never grows past maxMarks: a full bar counts the note in the closest mark", () => {
    const full = Array.from({ length: maxMarks }, (_, i): DensityMarkTuple => [i * 12, 1, `q${i}`, `n${i}`]);
    const next = withLiveNote(full, 31, "q", "x");
    expect(next).toHaveLength(maxMarks);
    expect(next[3]).toEqual([36, 2, "q3", "n3"]);
  });

  it("names each mark by its count and passage", () => {
    expect(markLabel(1, "a passage")).toBe("1 note at a passage");
    expect(markLabel(3, "a passage")).toBe("3 notes at a passage");
  });
});
