import { describe, expect, it } from "vitest";
import { excerptOf, tidyExcerpt } from "./excerpt";

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`);

describe("excerptOf", () => {
  it("keeps a short text whole", () => {
    expect(excerptOf("A short paragraph.", 45)).toBe("A short paragraph.");
  });

  it("marks a cut in the middle of a sentence with …", () => {
    expect(excerptOf([...words(5), "more."].join(" "), 5)).toBe("w1 w2 w3 w4 w5…");
  });

  it("adds no … when the cut falls at the end of a sentence", () => {
    expect(excerptOf("on official Albanian state websites. This was the first case", 5)).toBe(
      "on official Albanian state websites.",
    );
    expect(excerptOf("Was it lawful? Nobody knows", 3)).toBe("Was it lawful?");
    expect(excerptOf("He said “it was an attack.” Then he left", 6)).toBe("He said “it was an attack.”");
    expect(excerptOf("They waited… and then more", 2)).toBe("They waited…");
  });

  it("drops a comma, colon or dash before the …", () => {
    expect(excerptOf("First, second, third and fourth", 2)).toBe("First, second…");
    expect(excerptOf("Three things: one and two", 2)).toBe("Three things…");
    expect(excerptOf("It was — as ever — late", 2)).toBe("It was…");
    expect(excerptOf("It was — as ever — late", 3)).toBe("It was…");
  });
});

describe("tidyExcerpt", () => {
  it("mends excerpts stored with a full stop before the …", () => {
    expect(tidyExcerpt("state websites.…")).toBe("state websites.");
    expect(tidyExcerpt("a question?…")).toBe("a question?");
    expect(tidyExcerpt("a list,…")).toBe("a list…");
  });

  it("leaves other excerpts as they are", () => {
    expect(tidyExcerpt("in the middle…")).toBe("in the middle…");
    expect(tidyExcerpt("A whole sentence.")).toBe("A whole sentence.");
    expect(tidyExcerpt("")).toBe("");
  });
});
