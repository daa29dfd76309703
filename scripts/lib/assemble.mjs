// The shared article page, put together from parts (issue 21: a busy discussion must not take the
// page down). Rendering the whole page again after every comment cost ~60 ms of the server's one
// thread on a 5,000-comment article, twice (its default and newest-first views): at ten comments a
// second, more than the thread has. So the page is kept in parts, each rendered by Next.js only
// when it changes:
//
// - the shell: the article page with its discussion left out — a placeholder for the heading's
//   count and one for the threads (components/comments/shared-slots.ts), drawn for a shape (the
//   pager's size, whether there is more than one comment, whether the page has no thread). It
//   changes when the article, its notes or that shape change, not with a comment;
// - each top-level thread's HTML, under a key that hashes everything its markup depends on
//   (lib/comments/discussion-view.ts): a new comment changes its own thread's key, so one thread
//   is rendered, and the others are reused as they are;
// - the discussion as it stands (count, pager size, the page's threads and their JSON), read in
//   this process without Next's router (instrumentation.ts hands over discussionView).
//
// The page is then the shell with the count and the threads written in, cached and served by the
// page cache as before (its stale-while-revalidate and removal rules unchanged).

import { Bounded } from "./page-cache.mjs";
import { scriptString } from "./paint-first.mjs";

/** As components/comments/shared-slots.ts. */
export const totalSlot = "<!--gloss:total-->";
const threadsSlotPattern = /<!--gloss:threads ([0-9]+\.[0-9]\.[01])-->/;
export function shellShape({ pageCount, total, empty }) {
  return `${pageCount}.${Math.min(total, 2)}.${empty ? 1 : 0}`;
}

/**
 * An article page's URL that can be assembled — `/articles/<slug>` with at most `sort` and `page`
 * in its query — as { slug, sort, page }; null for any other (a permalink, a shared note's page, a
 * cited passage, the per-request variants: rendered whole, as before).
 */
export function assemblable(url) {
  const [path, query = ""] = url.split("?", 2);
  const m = /^\/articles\/([a-z0-9-]{1,120})$/.exec(path);
  if (!m) return null;
  const params = new URLSearchParams(query);
  for (const k of params.keys()) if (k !== "sort" && k !== "page") return null;
  const rawSort = params.get("sort");
  const sort = rawSort === "newest" || rawSort === "top" ? rawSort : "oldest";
  const page = Math.max(1, Math.min(10_000, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  return { slug: m[1], sort, page };
}

/** The shell's HTML split around its two placeholders, and the shape it was drawn for; null without them. */
export function parseShell(html) {
  const total = html.indexOf(totalSlot);
  const threads = threadsSlotPattern.exec(html);
  if (total < 0 || !threads || html.indexOf(totalSlot, total + 1) >= 0 || threads.index < total) return null;
  if (threadsSlotPattern.test(html.slice(threads.index + threads[0].length))) return null;
  return {
    shape: threads[1],
    head: html.slice(0, total),
    middle: html.slice(total + totalSlot.length, threads.index),
    tail: html.slice(threads.index + threads[0].length),
  };
}

/**
 * The threads of a rendered ThreadFragments (components/comments/thread-fragments.tsx) whose marks carry
 * `mark` (a random token of this render: nothing else in the page can pass for one): key → HTML.
 */
export function parseThreadParts(html, mark) {
  const out = new Map();
  if (!/^[A-Za-z0-9_-]{8,}$/.test(mark)) return out;
  const end = html.indexOf(`<template data-gloss-thread-end="${mark}"></template>`);
  if (end < 0) return out;
  const pattern = new RegExp(`<template data-gloss-thread="${mark}\\.([A-Za-z0-9_-]+)"></template>`, "g");
  const marks = [...html.slice(0, end).matchAll(pattern)];
  marks.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < marks.length ? marks[i + 1].index : end;
    if (!out.has(m[1])) out.set(m[1], html.slice(from, to));
  });
  return out;
}

/** JSON inside a <script> element: nothing in it can end the element or open a comment. */
export const scriptJson = scriptString;

/**
 * The page: the shell with the count, the threads' HTML and their JSON (scriptJson) written in (its
 * data block carries the page's nonce like every other script of the page, though it never runs).
 */
export function assembleBody(shell, { total, threadsHtml, json, nonce }) {
  const attributes = `type="application/json" data-gloss-threads=""${nonce ? ` nonce="${nonce}"` : ""}`;
  // At the end of the body, not in the discussion: what a reader's region holds is comments alone.
  const data = `<script ${attributes}>${json}</script>`;
  const end = shell.tail.lastIndexOf("</body>");
  const tail = end < 0 ? `${shell.tail}${data}` : `${shell.tail.slice(0, end)}${data}${shell.tail.slice(end)}`;
  return Buffer.from(`${shell.head}(${total})${shell.middle}${threadsHtml.join("")}${tail}`);
}

/**
 * The shells (per article, sort and page: `slug|sort|page`) and the threads' HTML (per key), each
 * bounded. A thread's key names its content, so its HTML never goes stale: it is only evicted.
 * Shells go with any change to their article that is not its discussion alone (`~`).
 */
export class PartsCache {
  constructor({
    maxShells = 500,
    maxShellBytes = 64 * 2 ** 20,
    maxThreads = 20_000,
    maxThreadBytes = 64 * 2 ** 20,
  } = {}) {
    this.shells = new Bounded(maxShells, maxShellBytes);
    this.threads = new Bounded(maxThreads, maxThreadBytes);
    this.stats = {
      assembled: 0,
      recounted: 0,
      shellRenders: 0,
      threadRenders: 0,
      directThreadRenders: 0,
      threadsRendered: 0,
    };
  }
  static shellKey({ slug, sort, page }) {
    return `${slug}|${sort}|${page}`;
  }
  shell(view) {
    return this.shells.get(PartsCache.shellKey(view));
  }
  keepShell(view, shell) {
    // Bounded counts an entry's bytes from `body` (and compressed copies it never has here).
    this.shells.set(PartsCache.shellKey(view), {
      ...shell,
      body: { length: shell.head.length + shell.middle.length + shell.tail.length },
    });
  }
  thread(key) {
    return this.threads.get(key);
  }
  keepThread(key, html) {
    this.threads.set(key, { html, body: { length: html.length } });
  }
  /** The page cache's payloads (lib/cache/invalidate-pages.ts). */
  invalidate(payload) {
    if (!payload || payload === "*" || payload === "!*") return this.shells.clear();
    if (/^!?~/.test(payload)) return; // the discussion alone: the shells hold
    const m = /^!?\/articles\/([^/?]+)/.exec(payload);
    if (!m) return;
    for (const key of [...this.shells.map.keys()]) if (key.startsWith(`${m[1]}|`)) this.shells.delete(key);
  }
  clear() {
    this.shells.clear();
    this.threads.clear();
  }
}
