import { describe, expect, it } from "vitest";
import { loaderScript } from "../lib/paint-first.mjs";
import { scriptUrls } from "./bench-measure.mjs";

describe("the bench's first-load scripts", () => {
  it("counts the chunk scripts the paint-first loader appends after the paint, once each", () => {
    const chunks = ["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"];
    const html = `<html><head><script src="/_next/static/chunks/a.js" async></script></head><body><p>Text</p><script nonce="n">${loaderScript(chunks)}</script></body></html>`;
    expect(scriptUrls(html, "http://gloss.test/articles/x").scripts).toEqual([
      { url: "http://gloss.test/_next/static/chunks/a.js", via: "script" },
      { url: "http://gloss.test/_next/static/chunks/b.js", via: "paint-first" },
    ]);
  });

  it("finds none in a page without scripts", () => {
    expect(
      scriptUrls("<html><body><script>console.log(1)</script></body></html>", "http://gloss.test/").scripts,
    ).toEqual([]);
  });
});
