import { describe, expect, it } from "vitest";
import { parseXml, XmlError } from "@/tests/support/parse-xml";
import { emptyElement, escapeXml, rfc822, textElement } from "./xml";

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
    expect(escapeXml("a\u0000b\u0008c\u000Bd\uFFFEe\uD800f")).toBe("abcdef");
    expect(escapeXml("tab\tnew\nline\r✓ 😀")).toBe("tab\tnew\nline\r✓ 😀");
  });

  it("round-trips through a strict parser, whatever the text", () => {
    const nasty = `]]> <![CDATA[ &amp; &#0; </item> <script>alert(1)</script> \u0001 "quotes" 'single' 😀 \uDC00`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<root>${textElement("t", nasty, { a: nasty })}${emptyElement("e", { b: nasty })}</root>`;
    const root = parseXml(xml);
    const expected = nasty.replace(/[\u0001\uDC00]/g, "");
    expect(root.children[0].text).toBe(expected);
    expect(root.children[0].attributes.a).toBe(expected);
    expect(root.children[1].attributes.b).toBe(expected);
  });
});

describe("rfc822", () => {
  it("formats as RSS wants", () => {
    expect(rfc822(new Date("2022-10-05T09:00:00Z"))).toBe("Wed, 05 Oct 2022 09:00:00 GMT");
  });
});

describe("parseXml (the tests' well-formedness check)", () => {
  const bad = [
    "<a>",
    "<a></b>",
    "<a>&</a>",
    "<a>&nbsp;</a>",
    "<a>1 < 2</a>",
    '<a b="1" b="2"/>',
    '<a b="<"/>',
    "<a/><b/>",
    "text<a/>",
    '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
    "<a>\u0000</a>",
    "<1a/>",
    "<a b=c/>",
    "",
  ];
  for (const xml of bad) it(`rejects ${JSON.stringify(xml)}`, () => expect(() => parseXml(xml)).toThrow(XmlError));

  it("accepts and decodes a well-formed document", () => {
    const root = parseXml(
      `<?xml version="1.0" encoding="UTF-8"?><!-- c --><r x='1'><i>&lt;p&gt; &#233; &#x1F600;</i><![CDATA[<raw>]]><e/></r>`,
    );
    expect(root.name).toBe("r");
    expect(root.attributes).toEqual({ x: "1" });
    expect(root.children.map((c) => c.name)).toEqual(["i", "e"]);
    expect(root.children[0].text).toBe("<p> é 😀");
    expect(root.text).toBe("<raw>");
  });
});
