import { describe, expect, it } from "vitest";
import {
  labelNotedPassages,
  maxMarks,
  maxNoted,
  type PlacedNote,
  shortQuote,
  summarizeConversation,
} from "./conversation";

const note = (
  id: string,
  start: number,
  end: number,
  authorId: string,
  blockId = "b1",
  exact = "a passage",
): PlacedNote => ({
  id,
  start,
  end,
  authorId,
  blockId,
  exact,
});

describe("where the conversation is", () => {
  it("marks where passages start, as percentages of the text, one mark per bucket with its count and first note", () => {
    const { marks } = summarizeConversation(
      [note("c", 500, 510, "u1", "b2", "the middle"), note("a", 0, 5, "u1", "b1", "the start"), note("b", 5, 9, "u2")],
      1000,
    );
    expect(marks).toEqual([
      { at: 0, count: 2, quote: "the start", id: "a" },
      { at: 50, count: 1, quote: "the middle", id: "c" },
    ]);
  });

  it("keeps at most maxMarks marks however many notes, however spread", () => {
    const notes = Array.from({ length: 1000 }, (_, i) => note(`n${i}`, i * 100, i * 100 + 10, `u${i}`));
    const { marks } = summarizeConversation(notes, 100_000);
    expect(marks.length).toBeLessThanOrEqual(maxMarks);
    expect(marks.reduce((s, m) => s + m.count, 0)).toBe(1000);
    expect(marks).toHaveLength(maxMarks);
    expect(marks.every((m, i) => i === 0 || m.at > marks[i - 1].at)).toBe(true);
  });

  it("counts overlapping notes as one passage on the bar, marked where the passage starts", () => {
    const { marks } = summarizeConversation(
      [note("a", 30, 50, "u1", "b1", "the freedom of the seas"), note("b", 45, 70, "u2"), note("c", 65, 80, "u3")],
      400,
    );
    expect(marks).toEqual([{ at: 7.5, count: 3, quote: "the freedom of the…", id: "a" }]);
  });

  it("labels passages that at least 3 distinct readers noted, clustering overlapping notes", () => {
    const { noted } = summarizeConversation(
      [
        note("a", 10, 30, "u1", "b1"),
        note("b", 20, 40, "u2", "b1"),
        note("c", 35, 50, "u3", "b1"), // overlaps b, not a: the same cluster
        note("d", 12, 18, "u1", "b1"), // the same reader again: not counted twice
        note("e", 100, 110, "u1", "b2"),
        note("f", 100, 110, "u2", "b2"), // two readers only
        note("g", 200, 210, "u1", "b3"),
        note("h", 210, 220, "u2", "b3"), // touching, not overlapping
        note("i", 220, 230, "u3", "b3"),
      ],
      1000,
    );
    expect(noted).toEqual([{ blockId: "b1", readers: 3, id: "a" }]);
  });

  it("labels at most maxNoted passages: the most-noted, in text order", () => {
    const notes: PlacedNote[] = [];
    for (let p = 0; p < 8; p++)
      for (let r = 0; r < 3 + p; r++) notes.push(note(`p${p}r${r}`, p * 100, p * 100 + 10, `u${r}`, `b${p}`));
    const { noted } = summarizeConversation(notes, 1000);
    expect(maxNoted).toBe(3);
    expect(noted.map((n) => n.blockId)).toEqual(["b5", "b6", "b7"]);
    expect(noted.map((n) => n.readers)).toEqual([8, 9, 10]);
  });

  it("shortens quotes by characters, not code units", () => {
    expect(shortQuote("  short \n quote ")).toBe("short quote");
    expect(shortQuote("😀".repeat(30), 4)).toBe("😀😀😀😀…");
    expect(shortQuote("state responsibility under international law")).toBe("state responsibility…");
  });

  it("labels a block with an empty span, leaving the article's text as it was", () => {
    const html = '<p data-block-id="b1">One.</p><ul><li data-block-id="b2" class="x">Two <em>words</em></li></ul>';
    const out = labelNotedPassages(html, [
      { blockId: "b2", readers: 4, id: "n" },
      { blockId: "missing", readers: 3, id: "m" },
    ]);
    expect(out).toBe(
      '<p data-block-id="b1">One.</p><ul><li data-block-id="b2" class="x"><span data-readers="4"></span>Two <em>words</em></li></ul>',
    );
    expect(out.replace(/<[^>]*>/g, "")).toBe(html.replace(/<[^>]*>/g, ""));
  });
});
