import { describe, expect, it } from "vitest";
import { cdata, esc, html, wpDate } from "./wxr-xml";

describe("WXR pieces", () => {
  it("keeps ]]> inside CDATA by splitting it, as WordPress does, and drops characters XML forbids", () => {
    expect(cdata("a ]]> b")).toBe("<![CDATA[a ]]]]><![CDATA[> b]]>");
    expect(cdata("bell\u0007 and \uFFFE gone, tab\tkept")).toBe("<![CDATA[bell and  gone, tab\tkept]]>");
  });
  it("escapes element text and attributes; names and titles as WordPress's HTML", () => {
    expect(esc(`<a href="x">&</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(html("Tom & <Jerry>")).toBe("Tom &amp; &lt;Jerry&gt;");
    expect(esc(html("A & B"))).toBe("A &amp;amp; B");
  });
  it("writes dates as WordPress's post_date, in UTC", () => {
    expect(wpDate(new Date("2026-12-07T07:09:50.123Z"))).toBe("2026-12-07 07:09:50");
  });
});
