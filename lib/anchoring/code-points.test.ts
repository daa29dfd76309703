import { describe, expect, it } from "vitest";
import { backCodePoints, codePointLength, createCodePointIndex, forwardCodePoints } from "./code-points";

describe("createCodePointIndex", () => {
  it("is the identity for text without astral characters (curly apostrophes are one unit)", () => {
    const text = "Iran’s ministry of Intelligence";
    const index = createCodePointIndex(text);
    expect(index.hasAstral).toBe(false);
    expect(index.length).toBe(text.length);
    expect(index.toUtf16(5)).toBe(5);
    expect(index.toCodePoint(5)).toBe(5);
  });

  it("converts both ways around emoji (two UTF-16 units, one code point)", () => {
    const text = "a😀b🇦🇱c";
    const index = createCodePointIndex(text);
    expect(index.hasAstral).toBe(true);
    expect(index.length).toBe(Array.from(text).length);
    const points = Array.from(text);
    let unit = 0;
    points.forEach((char, point) => {
      expect(index.toUtf16(point)).toBe(unit);
      expect(index.toCodePoint(unit)).toBe(point);
      unit += char.length;
    });
    expect(index.toUtf16(points.length)).toBe(text.length);
    expect(index.toCodePoint(text.length)).toBe(points.length);
  });

  it("rounds an offset inside a surrogate pair down and clamps offsets outside the text", () => {
    const index = createCodePointIndex("x😀y");
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(-4)).toBe(0);
    expect(index.toCodePoint(99)).toBe(3);
    expect(index.toUtf16(99)).toBe(4);
    expect(createCodePointIndex("plain").toUtf16(-1)).toBe(0);
  });

  it("counts a lone surrogate as one code point, as string iteration does", () => {
    const text = "a\ud800b";
    expect(createCodePointIndex(text).length).toBe(Array.from(text).length);
    expect(codePointLength(text)).toBe(3);
  });

  it("builds the table for a long text in linear time", () => {
    const text = "word 😀 ".repeat(20_000);
    const started = performance.now();
    const index = createCodePointIndex(text);
    expect(index.length).toBe(Array.from(text).length);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("stepping by code points", () => {
  it("moves back and forward over whole characters and stops at the edges", () => {
    const text = "ab😀cd";
    expect(backCodePoints(text, 5, 2)).toBe(2);
    expect(backCodePoints(text, 5, 10)).toBe(0);
    expect(forwardCodePoints(text, 2, 1)).toBe(4);
    expect(forwardCodePoints(text, 2, 10)).toBe(text.length);
    expect(codePointLength(text)).toBe(5);
  });
});
