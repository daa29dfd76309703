import { describe, expect, it } from "vitest";
import { renderSafeMarkdown } from "@/lib/markdown/render-safe-markdown";
import { countBodyLinks, findWord, holdReasons, type RuleSettings } from "./hold-reasons";

const rules: RuleSettings = {
  holdFirstContribution: true,
  linkHoldThreshold: 2,
  moderationWords: [],
  disallowedWords: [],
  holdAll: false,
};
const trusted = { authorName: "Ada", isTrusted: true };

describe("findWord", () => {
  it("matches whole words in any case, in any of the texts", () => {
    expect(findWord(["casino"], "Go to the CASINO.")).toBe("casino");
    expect(findWord(["casino"], "casinos and megacasino")).toBeNull();
    expect(findWord(["casino"], "nothing here", "Casino Royale")).toBe("casino");
    expect(findWord(["cheap pills"], "Buy cheap pills!")).toBe("cheap pills");
    expect(findWord(["c++"], "I write C++ daily")).toBe("c++");
    expect(findWord(["état"], "L'État, c'est moi")).toBe("état");
    expect(findWord(["", "  "], "anything")).toBeNull();
  });
});

describe("countBodyLinks", () => {
  it("counts bare URLs, www. addresses and Markdown links once each", () => {
    expect(countBodyLinks("no links")).toBe(0);
    expect(countBodyLinks("https://a.example and www.b.example")).toBe(2);
    expect(countBodyLinks("[one](https://a.example) [two](/relative)")).toBe(2);
  });

  it("counts what the renderer autolinks: an e-mail address is a link too", () => {
    expect(countBodyLinks("write to a@b.example or c@d.example")).toBe(2);
    expect(
      holdReasons({ ...rules, linkHoldThreshold: 2 }, { body: "write to a@b.example or c@d.example", ...trusted })
        .reasons,
    ).toContain("links");
  });
});

describe("countBodyLinks with the rendered body (a post renders it once)", () => {
  it("counts the same as rendering it here, and reads the links from the HTML it is given", () => {
    for (const body of [
      "no links",
      "write to a@b.example or c@d.example",
      "[one](https://a.example) [two](/relative) and www.c.example",
      "`https://in.code.example` only",
    ])
      expect(countBodyLinks(body, renderSafeMarkdown(body)), body).toBe(countBodyLinks(body));
    // The HTML is what is counted (the written addresses stay a floor).
    expect(countBodyLinks("plain words", '<p><a href="x">1</a> <a href="y">2</a> <a href="z">3</a></p>')).toBe(3);
    expect(
      holdReasons(rules, {
        body: "a@b.example c@d.example",
        html: renderSafeMarkdown("a@b.example c@d.example"),
        ...trusted,
      }).reasons,
    ).toContain("links");
  });
});

describe("holdReasons", () => {
  it("approves what trips nothing", () => {
    expect(holdReasons(rules, { body: "Hello", ...trusted })).toEqual({ status: "approved", reasons: [] });
  });
  it("lists every reason in precedence order; a disallowed word sends it to spam", () => {
    const all = { ...rules, moderationWords: ["loan"], disallowedWords: ["scam"], holdAll: true };
    expect(
      holdReasons(all, { body: "scam loan https://a.example https://b.example", authorName: "X", isTrusted: false }),
    ).toEqual({ status: "spam", reasons: ["word:scam", "word:loan", "links", "all_held", "first_comment"] });
    expect(holdReasons(all, { body: "loan", ...trusted })).toEqual({
      status: "pending",
      reasons: ["word:loan", "all_held"],
    });
  });
  it("a word on both lists is reported once, as disallowed", () => {
    expect(
      holdReasons({ ...rules, moderationWords: ["spam"], disallowedWords: ["spam"] }, { body: "spam", ...trusted }),
    ).toEqual({ status: "spam", reasons: ["word:spam"] });
  });
  it("an unconfirmed address holds whatever the other rules say, before the first-contribution hold", () => {
    expect(
      holdReasons({ ...rules, holdFirstContribution: false }, { body: "Hello", ...trusted, emailUnconfirmed: true }),
    ).toEqual({ status: "pending", reasons: ["unconfirmed"] });
    expect(holdReasons(rules, { body: "Hello", authorName: "X", isTrusted: false, emailUnconfirmed: true })).toEqual({
      status: "pending",
      reasons: ["unconfirmed", "first_comment"],
    });
    expect(holdReasons(rules, { body: "Hello", ...trusted, emailUnconfirmed: false })).toEqual({
      status: "approved",
      reasons: [],
    });
  });
  it("0 links turns the link rule off", () => {
    expect(
      holdReasons({ ...rules, linkHoldThreshold: 0 }, { body: "https://a.example https://b.example", ...trusted })
        .status,
    ).toBe("approved");
  });
});
