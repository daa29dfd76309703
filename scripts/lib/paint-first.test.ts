import vm from "node:vm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, newNonce } from "./csp.mjs";
import { deferChunkScripts } from "./paint-first.mjs";

// A page as Next 16 (Turbopack) writes it: async chunk scripts in the head, the entry chunk
// preloaded in the head and started at the end of the body, inline RSC payload scripts.
function nextPage(nonce: string) {
  const chunk = (name: string) => `<script src="/_next/static/chunks/${name}.js" async="" nonce="${nonce}"></script>`;
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>` +
    `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${nonce}" data-precedence="next"/>` +
    `<link rel="preload" as="script" fetchPriority="low" nonce="${nonce}" href="/_next/static/chunks/entry.js"/>` +
    chunk("react") +
    chunk("router") +
    chunk("turbopack-runtime") +
    chunk("page") +
    `<title>A</title><script src="/_next/static/chunks/polyfills.js" noModule="" nonce="${nonce}"></script></head>` +
    `<body><main><p>Text with a &lt;script src="/_next/static/chunks/x.js" async&gt; in it.</p>` +
    `<script type="application/ld+json">{"@type":"Article"}</script>` +
    `<script src="/_next/static/chunks/planted.js" async=""></script></main>` +
    `<script nonce="${nonce}" id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({"otherChunks":["static/chunks/entry.js"]});</script>` +
    `<script src="/_next/static/chunks/entry.js" nonce="${nonce}" async=""></script>` +
    `<script nonce="${nonce}">(self.__next_f=self.__next_f||[]).push([0])</script>` +
    `<script nonce="${nonce}">self.__next_f.push([1,"0:[]"])</script></body></html>`
  );
}
const chunksInOrder = ["react", "router", "turbopack-runtime", "page", "entry"].map(
  (n) => `/_next/static/chunks/${n}.js`,
);

/** The loader's inline script in a rewritten page. */
function loaderOf(html: string, nonce: string) {
  const scripts = [...html.matchAll(/<script nonce="([^"]*)">([\s\S]*?)<\/script>/g)];
  const loader = scripts.at(-1)!;
  expect(loader[1]).toBe(nonce);
  return loader[2];
}

/** Runs the loader against a small stand-in for the browser: what it appends, and when. */
function runLoader(
  source: string,
  {
    hidden = false,
    entryTypes = ["largest-contentful-paint", "paint"] as string[] | null,
    nonce = "n0nce",
    somethingToPaint = true,
  } = {},
) {
  const appended: { src: string; async: boolean; nonce: string }[] = [];
  const observers: { callback: (list: { getEntries(): { name: string }[] }) => void; type?: string }[] = [];
  const frames: (() => void)[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const document = {
    visibilityState: hidden ? "hidden" : "visible",
    currentScript: { nonce },
    createElement: () => ({ src: "", async: false, nonce: "" }),
    body: { appendChild: (e: { src: string; async: boolean; nonce: string }) => appended.push({ ...e }) },
    addEventListener: (type: string, fn: () => void) => (listeners[type] ??= []).push(fn),
    querySelector: (selector: string) => {
      expect(selector).toBe("body>:not(script):not(template):not(style):not(link):not([hidden])");
      return somethingToPaint ? {} : null;
    },
  };
  class PerformanceObserver {
    static supportedEntryTypes = entryTypes ?? [];
    entry: (typeof observers)[number];
    constructor(callback: (typeof observers)[number]["callback"]) {
      this.entry = { callback };
      observers.push(this.entry);
    }
    observe(options: { type: string }) {
      this.entry.type = options.type;
    }
    disconnect() {
      observers.splice(observers.indexOf(this.entry), 1);
    }
  }
  const context = {
    document,
    setTimeout,
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    ...(entryTypes ? { PerformanceObserver } : {}),
  };
  (context as Record<string, unknown>).self = context;
  vm.runInNewContext(source, context);
  return { appended, observers, frames, document, listeners };
}

describe("scripts start after the first paint (paint-first)", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("takes every chunk script Next wrote (and its preload) out of the page and loads each, in order, from one loader", () => {
    const nonce = newNonce();
    const html = deferChunkScripts(Buffer.from(nextPage(nonce)), nonce).toString();
    // No chunk tag left, the entry chunk's preload gone; the polyfill (noModule), the data block,
    // the text and the tag without the render's nonce untouched.
    expect(html).not.toMatch(/<script src="\/_next\/static\/chunks\/(react|router|turbopack-runtime|page|entry)\.js"/);
    expect(html).not.toMatch(/rel="preload" as="script"/);
    expect(html).toContain(`<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="${nonce}"></script>`);
    expect(html).toContain(`<script type="application/ld+json">{"@type":"Article"}</script>`);
    expect(html).toContain(`&lt;script src="/_next/static/chunks/x.js" async&gt;`);
    expect(html).toContain(`<script src="/_next/static/chunks/planted.js" async=""></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="/_next/static/chunks/a.css"`);
    // The loader is the body's last element, after the RSC payload it hydrates from.
    expect(html).toMatch(
      /self\.__next_f\.push\(\[1,"0:\[\]"\]\)<\/script><script nonce="[^"]+">\(function[\s\S]*?<\/script><\/body><\/html>$/,
    );

    const { appended, observers } = runLoader(loaderOf(html, nonce), { nonce });
    expect(appended).toEqual([]); // nothing before the paint
    observers[0].callback({ getEntries: () => [{ name: "" }] }); // the largest contentful paint is on screen
    expect(appended).toEqual([]); // …and in the next task, not inside the observer's callback
    vi.advanceTimersByTime(0);
    expect(appended).toEqual(chunksInOrder.map((src) => ({ src, async: true, nonce })));
    expect(observers).toEqual([]); // disconnected
    vi.advanceTimersByTime(10_000);
    expect(appended).toHaveLength(chunksInOrder.length); // the fallback does not load them twice
  });

  it("keeps the page's CSP whole: every inline script carries the render's nonce, none is allowed by anything else", () => {
    const nonce = newNonce();
    const html = deferChunkScripts(Buffer.from(nextPage(nonce)), nonce).toString();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attrs]) => !/\bsrc=|application\/ld\+json/.test(attrs),
    );
    expect(inline.length).toBe(4);
    for (const [, attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`);
    const scriptSrc = /script-src[^;]*/.exec(contentSecurityPolicy({ html, nonce }))![0];
    expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}'`);
  });

  it("waits for first-contentful-paint where only paint timing is reported (Safari), two frames where nothing is", () => {
    const nonce = newNonce();
    const loader = loaderOf(deferChunkScripts(Buffer.from(nextPage(nonce)), nonce).toString(), nonce);

    const safari = runLoader(loader, { entryTypes: ["paint"] });
    expect(safari.observers[0].type).toBe("paint");
    safari.observers[0].callback({ getEntries: () => [{ name: "first-paint" }] });
    vi.advanceTimersByTime(0);
    expect(safari.appended).toEqual([]); // a background colour is not the text
    safari.observers[0].callback({ getEntries: () => [{ name: "first-contentful-paint" }] });
    vi.advanceTimersByTime(0);
    expect(safari.appended.map((e) => e.src)).toEqual(chunksInOrder);

    const old = runLoader(loader, { entryTypes: null });
    expect(old.frames).toHaveLength(1);
    old.frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(old.appended).toEqual([]);
    old.frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(old.appended.map((e) => e.src)).toEqual(chunksInOrder);
  });

  it("loads at once in a background tab, when hidden before painting or when the body has nothing to paint; after 4 s in any case", () => {
    const nonce = newNonce();
    const loader = loaderOf(deferChunkScripts(Buffer.from(nextPage(nonce)), nonce).toString(), nonce);
    expect(runLoader(loader, { hidden: true }).appended.map((e) => e.src)).toEqual(chunksInOrder);

    const hiddenLater = runLoader(loader);
    hiddenLater.document.visibilityState = "hidden";
    for (const fn of hiddenLater.listeners.visibilitychange) fn();
    expect(hiddenLater.appended.map((e) => e.src)).toEqual(chunksInOrder);

    // Next's 404 page: its body is a hidden div and scripts until React draws it.
    expect(runLoader(loader, { somethingToPaint: false }).appended.map((e) => e.src)).toEqual(chunksInOrder);

    const neverReported = runLoader(loader);
    vi.advanceTimersByTime(3_999);
    expect(neverReported.appended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(neverReported.appended.map((e) => e.src)).toEqual(chunksInOrder);
  });

  it("leaves a page alone without a nonce (the dev server), without chunk scripts, or without </body>", () => {
    const nonce = newNonce();
    const page = Buffer.from(nextPage(nonce));
    expect(deferChunkScripts(page, null)).toBe(page);
    expect(deferChunkScripts(page, newNonce())).toBe(page); // another render's nonce: not Next's tags
    const plain = Buffer.from(`<html><head></head><body><p>hi</p><script nonce="${nonce}">a()</script></body></html>`);
    expect(deferChunkScripts(plain, nonce)).toBe(plain);
    const cut = Buffer.from(nextPage(nonce).replace("</body></html>", ""));
    expect(deferChunkScripts(cut, nonce)).toBe(cut);
  });

  it("writes each chunk path into the loader as a JSON string that cannot end the script element", () => {
    const nonce = newNonce();
    const page = `<html><head><script src="/_next/static/chunks/a&lt;/script&gt;.js" async="" nonce="${nonce}"></script></head><body></body></html>`;
    const html = deferChunkScripts(Buffer.from(page), nonce).toString();
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});
