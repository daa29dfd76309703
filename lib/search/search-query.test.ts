import { describe, expect, it } from "vitest";
import { highlightEnd as E, highlightSegments, highlightStart as S, snippetSegments } from "./highlight-segments";
import { maxQueryLength, normalizeSearchQuery } from "./normalize-search-query";
import { lexemePrefixes, loosenPhrases } from "./prepare-ts-query";

describe("normalizeSearchQuery", () => {
  it("keeps ordinary queries, collapsing white space", () => {
    expect(normalizeSearchQuery("  cyber \n attacks ")).toBe("cyber attacks");
    expect(normalizeSearchQuery(`"exact phrase" or -not`)).toBe(`"exact phrase" or -not`);
  });

  it("takes only text: arrays give their first value, anything else is empty", () => {
    expect(normalizeSearchQuery(["first", "second"])).toBe("first");
    expect(normalizeSearchQuery(undefined)).toBe("");
    expect(normalizeSearchQuery({ q: "x" })).toBe("");
  });

  it("removes NUL and other control characters, lone surrogates and the highlight sentinels", () => {
    expect(normalizeSearchQuery(`a\u0000b\u0007c\uD800d${S}e${E}f`)).toBe("a b c d e f");
  });

  it("drops HTML tags, which the indexed text does not have either", () => {
    expect(normalizeSearchQuery("<b>cyber</b> <a href='x'>attacks</a> a < b > c <3")).toBe(
      "cyber attacks a < b > c <3",
    );
  });

  it("keeps one copy of a repeated word (outside quotes) and at most 32 terms", () => {
    expect(normalizeSearchQuery('law Law law "law law" order law')).toBe('law "law law" order');
    expect(normalizeSearchQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ")).split(" ")).toHaveLength(32);
    expect(normalizeSearchQuery(`"unclosed phrase`)).toBe(`"unclosed phrase`);
    expect(normalizeSearchQuery("a or b OR c a")).toBe("a or b OR c");
  });

  it("caps the length in code points without splitting a character", () => {
    const long = "😀".repeat(1000);
    const capped = normalizeSearchQuery(long);
    expect(Array.from(capped)).toHaveLength(maxQueryLength);
    expect(capped).toBe("😀".repeat(maxQueryLength));
  });
});

describe("highlightSegments", () => {
  it("splits a headline into plain and marked runs, leaving markup as text", () => {
    expect(highlightSegments(`a <b>${S}cyber${E} & ${S}attack${E}s`)).toEqual([
      { text: "a <b>", marked: false },
      { text: "cyber", marked: true },
      { text: " & ", marked: false },
      { text: "attack", marked: true },
      { text: "s", marked: false },
    ]);
  });

  it("drops stray or unbalanced sentinels", () => {
    expect(highlightSegments(`${E}x${S}${S}y${E}${E}z${S}`)).toEqual([
      { text: "x", marked: false },
      { text: "y", marked: true },
      { text: "z", marked: false },
    ]);
    expect(highlightSegments("")).toEqual([]);
  });
});

describe("snippetSegments", () => {
  const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
  it("adds an ellipsis where the snippet starts after the text's beginning or stops before its end", () => {
    expect(text(snippetSegments(`The ${S}cyber${E} attack.`, "The cyber attack.", "The cyber attack."))).toBe(
      "The cyber attack.",
    );
    expect(text(snippetSegments(`middle ${S}cyber${E} part`, "Opening words of the text", "and its last words."))).toBe(
      "… middle cyber part …",
    );
    expect(text(snippetSegments(`Opening ${S}words${E} here`, "Opening words here and more", "the end."))).toBe(
      "Opening words here …",
    );
  });

  it("shows where one block ends and the next begins", () => {
    expect(text(snippetSegments(`the community.\nIranian ${S}Cyber${E}-Attacks\nIran in`, "Opening", "end."))).toBe(
      "… the community. · Iranian Cyber-Attacks · Iran in …",
    );
    // A fragment that starts or stops at a block boundary has no separator at its edge.
    expect(text(snippetSegments(` · Heading · ${S}cyber${E} text ·  … · more words · `, "Opening", "end."))).toBe(
      "… Heading · cyber text … more words …",
    );
    expect(
      text(
        snippetSegments(
          `Heading · The ${S}cyber${E} attack.`,
          "Heading\nThe cyber attack.",
          "Heading\nThe cyber attack.",
        ),
      ),
    ).toBe("Heading · The cyber attack.");
  });
});

describe("loosenPhrases", () => {
  it("turns phrase operators into AND, outside quoted lexemes only", () => {
    expect(loosenPhrases("'last' <-> 'month' & !'foo' | 'bar'")).toEqual({
      loose: "'last' & 'month' & !'foo' | 'bar'",
      hasPhrase: true,
    });
    expect(loosenPhrases("'a' <2> 'b'")).toEqual({ loose: "'a' & 'b'", hasPhrase: true });
    expect(loosenPhrases("'x<->y' & 'it''s'")).toEqual({ loose: "'x<->y' & 'it''s'", hasPhrase: false });
  });

  it("leaves a negated phrase exact (loosening it would exclude more)", () => {
    expect(loosenPhrases("'a' & !( 'b' <-> 'c' )")).toEqual({ loose: "'a' & !( 'b' <-> 'c' )", hasPhrase: true });
  });
});

describe("lexemePrefixes", () => {
  it("lists the words, undoing the stemmer's y → i", () => {
    expect(lexemePrefixes("'sovereignti' & 'cyber' <-> 'attack':* & !'o''brien'")).toEqual([
      "sovereignt",
      "cyber",
      "attack",
      "o'brien",
    ]);
  });
});
