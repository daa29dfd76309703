import { describe, expect, it } from "vitest";
import * as slots from "../../components/comments/shared-slots";
import {
  assemblable,
  assembleBody,
  PartsCache,
  parseShell,
  parseThreadParts,
  scriptJson,
  shellShape,
  totalSlot,
} from "./assemble.mjs";
import { PageCache } from "./page-cache.mjs";

const shape = { pageCount: 3, total: 120, empty: false };
const shellHtml = `<html><body><h2>Comments <span>${slots.totalSlot}</span></h2><ol data-comment-threads>${slots.threadsSlot(shape)}</ol><footer>end</footer></body></html>`;

describe("assembling the shared article page", () => {
  it("reads the placeholders the app writes (components/comments/shared-slots.ts)", () => {
    expect(totalSlot).toBe(slots.totalSlot);
    expect(shellShape(shape)).toBe(slots.shellShape(shape));
    const shell = parseShell(shellHtml);
    expect(shell).toMatchObject({
      shape: "3.2.0",
      head: "<html><body><h2>Comments <span>",
      middle: "</span></h2><ol data-comment-threads>",
    });
    expect(shell?.tail).toBe("</ol><footer>end</footer></body></html>");
  });

  it("takes no shell without both placeholders, or with one twice", () => {
    expect(parseShell("<html>no slots</html>")).toBeNull();
    expect(parseShell(shellHtml.replace(slots.totalSlot, ""))).toBeNull();
    expect(parseShell(shellHtml.replace("</footer>", `${slots.totalSlot}</footer>`))).toBeNull();
    expect(parseShell(shellHtml.replace("</footer>", `${slots.threadsSlot(shape)}</footer>`))).toBeNull();
    // The props of the client components carry the same strings, escaped in the RSC payload: not placeholders.
    expect(
      parseShell(`${shellHtml}<script>self.__next_f.push("\\u003c!--gloss:total--\\u003e")</script>`),
    ).not.toBeNull();
  });

  it("splits rendered threads by the marks of this render only, the last one up to the end mark", () => {
    const mark = "m4rk-123_x";
    const html = `<html><ol hidden><template data-gloss-thread="${mark}.k1"></template><li>one <template data-gloss-thread="other.k2"></template><ol><li>reply</li></ol></li><template data-gloss-thread="${mark}.k2"></template><li>two</li><template data-gloss-thread-end="${mark}"></template></ol><script>x</script></html>`;
    const threads = parseThreadParts(html, mark);
    expect([...threads.keys()]).toEqual(["k1", "k2"]);
    expect(threads.get("k1")).toBe(
      '<li>one <template data-gloss-thread="other.k2"></template><ol><li>reply</li></ol></li>',
    );
    expect(threads.get("k2")).toBe("<li>two</li>");
    expect(parseThreadParts(html, "another-mark").size).toBe(0);
    expect(parseThreadParts(html, "").size).toBe(0);
    expect(parseThreadParts("<html>an error page</html>", mark).size).toBe(0);
  });

  it("writes the count, the threads and their JSON into the shell, with nothing able to close the script", () => {
    const shell = parseShell(shellHtml)!;
    const views = [{ id: "c1", html: "<p>a </script><!-- b</p>" }];
    const body = assembleBody(shell, {
      total: 121,
      threadsHtml: ["<li>1</li>", "<li>2</li>"],
      json: scriptJson(views),
      nonce: "n0nce",
    }).toString();
    expect(body).toContain("<span>(121)</span>");
    expect(body).toContain("<ol data-comment-threads><li>1</li><li>2</li></ol><footer>end</footer>");
    // The data block goes at the end of the body, out of the discussion's region.
    expect(body).toContain('<script type="application/json" data-gloss-threads="" nonce="n0nce">');
    expect(body.endsWith("</script></body></html>")).toBe(true);
    expect(body.match(/<\/script>/g)).toHaveLength(1);
    expect(body).not.toContain("<!-- b");
    const json = /data-gloss-threads="" nonce="n0nce">(.*?)<\/script>/.exec(body)![1];
    expect(JSON.parse(json)).toEqual(views);
    expect(scriptJson("\u2028")).toBe('"\\u2028"');
  });

  it("assembles only article pages whose query is a sort and a page", () => {
    expect(assemblable("/articles/a-b")).toEqual({ slug: "a-b", sort: "oldest", page: 1 });
    expect(assemblable("/articles/a?sort=newest&page=2")).toEqual({ slug: "a", sort: "newest", page: 2 });
    expect(assemblable("/articles/a?sort=bogus&page=x")).toEqual({ slug: "a", sort: "oldest", page: 1 });
    for (const url of [
      "/articles/a?comment=c1",
      "/articles/a?note=n1",
      "/articles/a?passage=x",
      "/articles/a?replyTo=c1",
      "/articles/a/comments/c1",
      "/articles/A",
      "/search?q=a",
    ])
      expect(assemblable(url)).toBeNull();
  });

  it("keeps shells through a change to the discussion alone, and drops them with any other change to the article", () => {
    const parts = new PartsCache();
    const shell = { ...parseShell(shellHtml)!, headers: {} };
    for (const target of [
      { slug: "a", sort: "oldest", page: 1 },
      { slug: "a", sort: "newest", page: 1 },
      { slug: "b", sort: "oldest", page: 1 },
    ])
      parts.keepShell(target, shell);
    parts.keepThread("k1", "<li>1</li>");
    parts.invalidate("~/articles/a");
    parts.invalidate("!~/articles/a");
    expect(parts.shell({ slug: "a", sort: "newest", page: 1 })).toBeDefined();
    parts.invalidate("/articles/a");
    expect(parts.shell({ slug: "a", sort: "oldest", page: 1 })).toBeUndefined();
    expect(parts.shell({ slug: "a", sort: "newest", page: 1 })).toBeUndefined();
    expect(parts.shell({ slug: "b", sort: "oldest", page: 1 })).toBeDefined();
    // A thread's key names its content: its HTML never goes stale.
    expect(parts.thread("k1")?.html).toBe("<li>1</li>");
    parts.invalidate("*");
    expect(parts.shell({ slug: "b", sort: "oldest", page: 1 })).toBeUndefined();
  });

  it("lets the page cache treat a discussion change like any change to its article's pages", () => {
    const cache = new PageCache();
    const entry = () => ({ status: 200, headers: {}, body: Buffer.from("v"), at: Date.now() });
    for (const key of ["/articles/a", "/articles/a?sort=newest", "/articles/b"]) {
      const found = cache.lookup(key);
      cache.done(found.render!, entry());
    }
    cache.invalidate("~/articles/a");
    expect(cache.peek("/articles/a")?.stale).toBe(true);
    expect(cache.peek("/articles/a?sort=newest")?.stale).toBe(true);
    expect(cache.peek("/articles/b")?.stale).toBeUndefined();
    cache.invalidate("!~/articles/a");
    expect(cache.peek("/articles/a")).toBeUndefined();
  });

  it("tells which assembled pages an addition left as they were but for the count", () => {
    const cache = new PageCache();
    const assembled = (key: string, assembly: Record<string, unknown>) => {
      const found = cache.lookup(key);
      cache.done(found.render!, {
        status: 200,
        headers: {},
        body: Buffer.from("v"),
        at: Date.now(),
        assembly,
      } as never);
    };
    const reset = () => {
      assembled("/articles/a", { sort: "oldest", last: false, roots: new Set(["r1"]) });
      assembled("/articles/a?page=3", { sort: "oldest", last: true, roots: new Set(["r9"]) });
      assembled("/articles/a?sort=newest", { sort: "newest", last: false, roots: new Set(["r5"]) });
      assembled("/articles/a?sort=top", { sort: "top", last: false, roots: new Set(["r1"]) });
      const whole = cache.lookup("/articles/a?x=1");
      cache.done(whole.render!, { status: 200, headers: {}, body: Buffer.from("v"), at: Date.now() });
    };
    const changed = () =>
      [
        "/articles/a",
        "/articles/a?page=3",
        "/articles/a?sort=newest",
        "/articles/a?sort=top",
        "/articles/a?x=1",
      ].filter((k) => cache.peek(k)?.changed);
    reset();
    cache.invalidate("~/articles/a#new"); // first in the newest view, last in the others
    expect(changed()).toEqual(["/articles/a?page=3", "/articles/a?sort=newest", "/articles/a?x=1"]);
    expect(cache.peek("/articles/a")?.stale).toBe(true); // its count changed all the same
    reset();
    cache.invalidate("~/articles/a#t=r1"); // a reply in r1: the pages showing it, and the top view's order
    expect(changed()).toEqual(["/articles/a", "/articles/a?sort=top", "/articles/a?x=1"]);
    cache.invalidate("~/articles/a#t=r5"); // once changed, a page stays changed until it is rendered again
    expect(changed()).toEqual(["/articles/a", "/articles/a?sort=newest", "/articles/a?sort=top", "/articles/a?x=1"]);
    reset();
    cache.invalidate("~/articles/a"); // a change of another kind: every page
    expect(changed()).toHaveLength(5);
    reset();
    cache.invalidate("/articles/a#new"); // (not the discussion alone: the detail means nothing)
    expect(changed()).toHaveLength(5);
  });
});
