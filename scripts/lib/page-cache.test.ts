import { describe, expect, it } from "vitest";
import { type Entry, PageCache, RETRY, StaticCache } from "./page-cache.mjs";

const page = (text: string, at = Date.now()): Entry => ({ status: 200, headers: {}, body: Buffer.from(text), at });

/** Renders `key` as the cache says to: the first caller renders, the others wait or get the old page. */
function render(cache: PageCache, key: string, text: string, at = Date.now()) {
  const found = cache.lookup(key);
  if (!found.render) throw new Error(`expected to render ${key}, got ${Object.keys(found)}`);
  return { token: found.render, finish: () => cache.done(found.render!, page(text, at)) };
}

describe("page cache", () => {
  it("coalesces concurrent misses into one render and hands its page to every waiter", async () => {
    const cache = new PageCache();
    const r = render(cache, "/articles/a", "v1");
    const waits = [cache.lookup("/articles/a"), cache.lookup("/articles/a")];
    expect(waits.every((w) => w.wait)).toBe(true);
    r.finish();
    for (const w of waits) expect(((await w.wait) as Entry).body.toString()).toBe("v1");
    expect(cache.lookup("/articles/a").hit?.body.toString()).toBe("v1");
    expect(cache.stats).toMatchObject({ renders: 1, coalesced: 2, hits: 1 });
  });

  it("serves the previous page while one request renders the new one after an addition", () => {
    const cache = new PageCache();
    render(cache, "/articles/a", "v1").finish();
    cache.invalidate("/articles/a");
    const r = render(cache, "/articles/a", "v2"); // the first request after the change renders…
    expect(cache.lookup("/articles/a").hit?.body.toString()).toBe("v1"); // …the others get v1 meanwhile
    r.finish();
    expect(cache.lookup("/articles/a").hit?.body.toString()).toBe("v2");
  });

  it("never serves a stale page without a render running (the previous page lasts only as long as that render)", () => {
    const cache = new PageCache();
    render(cache, "/articles/a", "v1").finish();
    cache.invalidate("/articles/a");
    const first = cache.lookup("/articles/a");
    expect(first.render).toBeTruthy();
    cache.done(first.render!, null); // the render ended without a cacheable page (an error)
    expect(cache.lookup("/articles/a").render).toBeTruthy();
  });

  it("drops pages at once on a removal, and abandons a render that began before it", async () => {
    const cache = new PageCache();
    render(cache, "/articles/a?page=2", "v1").finish();
    render(cache, "/search?q=x", "found").finish();
    const running = render(cache, "/articles/a", "with the removed comment");
    const waiter = cache.lookup("/articles/a");
    cache.invalidate("!/articles/a");
    expect(await waiter.wait).toBe(RETRY);
    expect(cache.peek("/articles/a?page=2")).toBeUndefined();
    expect(cache.peek("/search?q=x")).toBeUndefined(); // search results may show the removed text
    running.finish(); // the old render ends after the removal: not kept
    expect(cache.peek("/articles/a")).toBeUndefined();
    expect(cache.lookup("/articles/a").render).toBeTruthy();
  });

  it("marks a render running during an addition stale, so the next request renders again", () => {
    const cache = new PageCache();
    const r = render(cache, "/articles/a", "before the comment");
    cache.invalidate("/articles/a");
    r.finish();
    expect(cache.lookup("/articles/a").render).toBeTruthy();
  });

  it("leaves other articles' pages alone", () => {
    const cache = new PageCache();
    render(cache, "/articles/a", "a").finish();
    render(cache, "/articles/ab", "ab").finish();
    cache.invalidate("!/articles/a");
    expect(cache.lookup("/articles/ab").hit?.body.toString()).toBe("ab");
    cache.invalidate("*");
    expect(cache.size).toBe(0);
  });

  it("expires pages after the TTL like a stale page", () => {
    let now = 0;
    const cache = new PageCache({ ttlMs: 1000, now: () => now });
    render(cache, "/", "home", 0).finish();
    now = 999;
    expect(cache.lookup("/").hit).toBeTruthy();
    now = 1000;
    expect(cache.lookup("/").render).toBeTruthy();
  });

  it("replies API answers go stale on any article's change, are dropped on a removal, and never evict articles", async () => {
    const replies = "/api/comments/c1/replies?sort=oldest";
    const cache = new PageCache({ maxEntries: 2, maxSearchEntries: 2 });
    render(cache, "/articles/a", "a").finish();
    render(cache, "/articles/b", "b").finish();
    render(cache, replies, "v1").finish();
    expect(cache.lookup(replies).hit?.body.toString()).toBe("v1");
    cache.invalidate("/articles/b"); // its path names no article: any change may be in it
    const r = render(cache, replies, "v2");
    expect(cache.lookup(replies).hit?.body.toString()).toBe("v1"); // the previous answer while one renders
    r.finish();
    expect(cache.lookup(replies).hit?.body.toString()).toBe("v2");
    const running = render(cache, "/api/comments/c2/replies", "with the removed reply");
    cache.invalidate("!/articles/a");
    expect(cache.peek(replies)).toBeUndefined();
    running.finish();
    expect(cache.peek("/api/comments/c2/replies")).toBeUndefined();
    for (let i = 0; i < 20; i++) render(cache, `/api/comments/c${i}/replies`, "r").finish();
    expect(cache.peek("/articles/b")).toBeTruthy();
  });

  it("bounds entries and bytes, and keeps search variants from evicting articles", () => {
    const cache = new PageCache({ maxEntries: 3, maxBytes: 10_000, maxSearchEntries: 2 });
    for (const k of ["/articles/a", "/articles/b", "/articles/c"]) render(cache, k, k).finish();
    for (let i = 0; i < 50; i++) render(cache, `/search?q=${i}`, "results").finish();
    expect(cache.size).toBe(5);
    for (const k of ["/articles/a", "/articles/b", "/articles/c"]) expect(cache.peek(k)).toBeTruthy();
    for (let i = 0; i < 50; i++) render(cache, `/articles/a?passage=${i}&prefix=`, "cited").finish();
    expect(cache.size).toBe(5);
    for (const k of ["/articles/a", "/articles/b", "/articles/c"]) expect(cache.peek(k)).toBeTruthy();
    render(cache, "/articles/d", "d").finish(); // the least recently used article goes
    expect(cache.peek("/articles/a")).toBeUndefined();
    const big = new PageCache({ maxBytes: 2500 });
    for (const k of ["/1", "/2", "/3"]) render(big, k, "x".repeat(1000)).finish();
    expect(big.size).toBe(2);
    expect(big.bytes).toBeLessThanOrEqual(2500);
  });

  it("keeps shared notes' pages (?note=<id>) apart: made-up ids never evict articles, and they follow their article", () => {
    const cache = new PageCache({ maxEntries: 2, maxNoteEntries: 3 });
    render(cache, "/articles/a", "a").finish();
    render(cache, "/articles/b", "b").finish();
    for (let i = 0; i < 40; i++) render(cache, `/articles/a?note=n${i}`, `note ${i}`).finish();
    expect(cache.peek("/articles/a")).toBeTruthy();
    expect(cache.peek("/articles/b")).toBeTruthy();
    expect(cache.size).toBe(5); // two articles, the three most recent note pages
    expect(cache.peek("/articles/a?note=n39")?.body.toString()).toBe("note 39");
    expect(cache.peek("/articles/a?note=n0")).toBeUndefined();
    render(cache, "/articles/b?page=2&note=x", "b's note").finish();
    // A change to article a marks its note pages stale, not b's; a removal drops them.
    cache.invalidate("/articles/a");
    expect(cache.peek("/articles/a?note=n39")?.stale).toBe(true);
    expect(cache.peek("/articles/b?page=2&note=x")?.stale).toBeFalsy();
    cache.invalidate("!/articles/b");
    expect(cache.peek("/articles/b?page=2&note=x")).toBeUndefined();
    expect(cache.peek("/articles/a?note=n39")).toBeTruthy();
  });

  it("counts compressed copies in the byte budget", () => {
    const cache = new PageCache({ maxBytes: 2500 });
    render(cache, "/1", "x".repeat(1000)).finish();
    render(cache, "/2", "y".repeat(1000)).finish();
    const e = cache.peek("/2")!;
    e.br = Buffer.alloc(600);
    cache.grew(e);
    expect(cache.peek("/1")).toBeUndefined();
    expect(cache.bytes).toBe(1600);
  });
});

describe("static cache", () => {
  it("keys by path, so query strings cannot grow it", () => {
    const cache = new StaticCache({ maxEntries: 10 });
    for (let i = 0; i < 100; i++) {
      const url = `/_next/static/chunks/x.js?n=${i}`;
      if (!cache.lookup(url)) cache.keep(url, page("js"));
    }
    expect(cache.map.size).toBe(1);
    expect(cache.lookup("/_next/static/chunks/x.js")).toBeTruthy();
  });

  it("caps entries", () => {
    const cache = new StaticCache({ maxEntries: 10 });
    for (let i = 0; i < 100; i++) cache.keep(`/_next/static/chunks/${i}.js`, page("js"));
    expect(cache.map.size).toBe(10);
  });
});

describe("page cache, renders that never report back", () => {
  it("abandons a render older than maxRenderMs: no stale page nor waiting beyond it", async () => {
    let now = 0;
    const cache = new PageCache({ maxRenderMs: 10_000, now: () => now });
    render(cache, "/articles/a", "v1", 0).finish();
    cache.invalidate("/articles/a");
    const lost = cache.lookup("/articles/a"); // this render's client went away and nobody told the cache
    expect(lost.render).toBeTruthy();
    now = 5_000;
    expect(cache.lookup("/articles/a").hit?.body.toString()).toBe("v1"); // stale while it may still be rendering
    const waiter = cache.lookup("/articles/b");
    expect(waiter.render).toBeTruthy();
    now = 10_001;
    expect(cache.lookup("/articles/a").render).toBeTruthy(); // a new render, not the stale page forever
    expect(await lost.render!.promise).toBe(RETRY);
  });

  it("ignores a second report of the same render", () => {
    const cache = new PageCache();
    const r = render(cache, "/articles/a", "v1");
    r.finish();
    cache.done(r.token, null); // the response's close event after its normal end
    expect(cache.lookup("/articles/a").hit?.body.toString()).toBe("v1");
  });
});
