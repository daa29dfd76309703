// The whole-page cache of scripts/server.mjs, apart from HTTP so its rules can be tested.
//
// - One render per change: concurrent misses for the same URL wait for the render that is already
//   running (request coalescing) instead of each rendering the page.
// - Stale-while-revalidate: a change that adds (a new comment, an edit, a like) marks the article's
//   pages stale; while one request renders the new page, the others get the previous one — never
//   longer than that render takes, since the request that finds a stale page with no render
//   running renders it itself.
// - A removal (moderation, deletion, unpublishing) drops the pages at once, and a render that was
//   already running when it came is not kept nor handed to anyone who asks after it.
// - Bounded: at most `maxEntries` pages and `maxBytes` of bodies (compressed copies included);
//   search result pages and the anonymous answers of the replies API (what "Show N more replies"
//   loads: GET /api/comments/<id>/replies, whose path does not name its article) live in their own,
//   smaller budget so query variants never evict articles. Any article's change marks every
//   cached replies answer stale (a removal drops them), as it does search pages. A shared note's
//   page (`?note=<id>`) has a budget of its own too, so made-up note ids cannot evict articles.

/** @typedef {{ status: number, headers: Record<string, unknown>, body: Buffer, at: number, stale?: boolean, changed?: boolean, assembly?: object, etag?: string, br?: Buffer, gzip?: Buffer }} Entry */

export function entryBytes(entry) {
  return entry.body.length + (entry.br?.length ?? 0) + (entry.gzip?.length ?? 0);
}

export class Bounded {
  constructor(maxEntries, maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.map = new Map(); // insertion order = least recently used first
    this.bytes = 0;
  }
  get(key) {
    const e = this.map.get(key);
    if (e) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e;
  }
  set(key, entry) {
    this.delete(key);
    entry.bytes = entryBytes(entry);
    this.map.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
  }
  /** A compressed copy was added to an entry: count its bytes. */
  grew(entry) {
    const now = entryBytes(entry);
    if (this.map.get(entry.key) === entry) this.bytes += now - (entry.bytes ?? 0);
    entry.bytes = now;
    this.evict();
  }
  evict() {
    while (this.map.size > this.maxEntries || (this.bytes > this.maxBytes && this.map.size > 1)) {
      this.delete(this.map.keys().next().value);
    }
  }
  delete(key) {
    const e = this.map.get(key);
    if (!e) return;
    this.map.delete(key);
    this.bytes -= e.bytes ?? 0;
  }
  clear() {
    this.map.clear();
    this.bytes = 0;
  }
}

/** Does the cache key (a URL path with its query) belong to the pages `prefix` names? */
function under(key, prefix) {
  return key === prefix || key.startsWith(prefix + "?") || key.startsWith(prefix + "/");
}

/** Search pages and replies API answers: any article's change may change them. An article's
 * "Cite this passage" links (?passage=…) are as many as readers make: they too get the small budget. */
function isVariant(key) {
  return (
    key.startsWith("/search") || key.startsWith("/api/comments/") || /^\/articles\/[^?]*\?(?:.*&)?passage=/.test(key)
  );
}

/**
 * A shared note's page (`/articles/<slug>?note=<id>`): rendered per note (its passage marked, its
 * OpenGraph preview), kept in a budget of its own so that any number of note ids — real or made
 * up — never evicts an article's page. Invalidated with its article.
 */
export function isNotePage(key) {
  return /^\/articles\/[^/?]+\?(?:[^#]*&)?note=/.test(key);
}

/**
 * Whether an addition (`detail`: `new`, a new top-level comment; `t=<id>`, something in thread
 * <id>) left an assembled page (`entry.assembly`: its sort, whether it is the discussion's last
 * page, its threads) as it was but for the count: a new top-level comment goes first in the
 * newest-first view and last in the others (it has no likes yet); a change in a thread changes the
 * pages that show it, and the top view's order (likes). A page that is not assembled, or a change
 * of any other kind, is never untouched.
 */
export function untouched(entry, detail) {
  const a = entry.assembly;
  if (!a || !detail || entry.changed) return false;
  if (detail === "new") return a.sort !== "newest" && !a.last;
  if (detail.startsWith("t=")) return a.sort !== "top" && !a.roots.has(detail.slice(2));
  return false;
}

/** What a wait resolves to when the render it waited for was abandoned: look the page up again. */
export const RETRY = Symbol("retry");

export class PageCache {
  constructor({
    maxEntries = 1000,
    maxBytes = 256 * 2 ** 20,
    maxSearchEntries = 200,
    maxSearchBytes = 32 * 2 ** 20,
    maxNoteEntries = 200,
    maxNoteBytes = 32 * 2 ** 20,
    ttlMs = 10 * 60_000,
    maxRenderMs = 10_000,
    now = () => Date.now(),
  } = {}) {
    this.maxRenderMs = maxRenderMs;
    this.pages = new Bounded(maxEntries, maxBytes);
    this.search = new Bounded(maxSearchEntries, maxSearchBytes);
    this.notes = new Bounded(maxNoteEntries, maxNoteBytes);
    this.ttlMs = ttlMs;
    this.now = now;
    this.renders = new Map(); // key -> { promise, resolve, dropped, stale }
    this.stats = { hits: 0, stale: 0, coalesced: 0, renders: 0 };
  }

  store(key) {
    return isVariant(key) ? this.search : isNotePage(key) ? this.notes : this.pages;
  }

  /**
   * What to do with a request for `key`:
   * - `{ hit: entry }`: send it;
   * - `{ wait: promise }`: a render is running; the promise gives its entry, null (it was not
   *   cacheable: render yourself) or RETRY (a removal abandoned it: look up again);
   * - `{ render: token }`: render it, then call `done(token, entry|null)`.
   */
  lookup(key) {
    const entry = this.store(key).get(key);
    const fresh = entry && !entry.stale && this.now() - entry.at < this.ttlMs;
    if (fresh) {
      this.stats.hits++;
      return { hit: entry };
    }
    let running = this.renders.get(key);
    // A render that never reported back (it should always: see server.mjs) must not leave readers
    // with a stale page, or waiting, for longer than a render can take.
    if (running && this.now() - running.startedAt > this.maxRenderMs) {
      this.abandon(running);
      running = undefined;
    }
    if (running) {
      if (entry) {
        this.stats.stale++;
        return { hit: entry };
      }
      this.stats.coalesced++;
      return { wait: running.promise };
    }
    let resolve;
    const promise = new Promise((r) => {
      resolve = r;
    });
    const token = { key, promise, resolve, dropped: false, stale: false, startedAt: this.now() };
    this.renders.set(key, token);
    this.stats.renders++;
    return { render: token };
  }

  /** The render of `token` ended; `entry` is what may be cached (null: nothing to keep). */
  done(token, entry) {
    if (this.renders.get(token.key) === token) this.renders.delete(token.key);
    if (entry && !token.dropped) {
      entry.key = token.key;
      if (token.stale) entry.stale = entry.changed = true;
      this.store(token.key).set(token.key, entry);
    }
    token.resolve(entry && !token.dropped ? entry : null);
  }

  /** A compressed copy was added to a cached entry. */
  grew(entry) {
    if (entry.key) this.store(entry.key).grew(entry);
  }

  /**
   * An invalidation from any process. Payloads: `*` (every page, dropped), `/articles/<slug>`
   * (that article's pages: stale, plus search pages), `!/articles/<slug>` (dropped at once — a
   * removal — and search pages with them), `!*` as `*`; `~/articles/<slug>` and `!~/articles/<slug>`
   * as without the `~` (it tells the shells of scripts/lib/assemble.mjs they still hold).
   */
  invalidate(payload) {
    const hard = !payload || payload === "*" || payload === "!*" || payload.startsWith("!");
    // (`~`: only the article's discussion changed — its pages all the same; see scripts/lib/assemble.mjs.
    // `#new` / `#t=<thread>`: what was added, for pages put together from parts to tell whether it is theirs.)
    const [prefix, said] =
      !payload || payload === "*" || payload === "!*" ? [null, null] : payload.replace(/^!?~?/, "").split("#");
    const detail = /^!?~/.test(payload ?? "") ? said : null;
    const matches = (key) => prefix === null || under(key, prefix) || isVariant(key);
    for (const [key, token] of this.renders) {
      if (!matches(key)) continue;
      if (hard) this.abandon(token);
      else token.stale = true;
    }
    for (const store of [this.pages, this.search, this.notes]) {
      for (const [key, entry] of [...store.map]) {
        if (!matches(key)) continue;
        if (hard) store.delete(key);
        else {
          entry.stale = true;
          if (!untouched(entry, detail)) entry.changed = true;
        }
      }
    }
  }

  /** A render that began before a removal: kept by no one; whoever waits on it asks again. */
  abandon(token) {
    token.dropped = true;
    if (this.renders.get(token.key) === token) this.renders.delete(token.key);
    token.resolve(RETRY);
  }

  /** A cached page, fresh or stale, without starting anything (HEAD requests). */
  peek(key) {
    return this.store(key).get(key);
  }

  clear() {
    this.pages.clear();
    this.search.clear();
    this.notes.clear();
    for (const token of [...this.renders.values()]) this.abandon(token);
  }

  get size() {
    return this.pages.map.size + this.search.map.size + this.notes.map.size;
  }
  get bytes() {
    return this.pages.bytes + this.search.bytes + this.notes.bytes;
  }
}

/** The immutable /_next/static files, compressed once: keyed by path (the query string is ignored). */
export class StaticCache extends Bounded {
  constructor({ maxEntries = 2000, maxBytes = 128 * 2 ** 20 } = {}) {
    super(maxEntries, maxBytes);
  }
  static keyOf(url) {
    return url.split("?")[0].split("#")[0];
  }
  lookup(url) {
    return this.get(StaticCache.keyOf(url));
  }
  keep(url, entry) {
    entry.key = StaticCache.keyOf(url);
    this.set(entry.key, entry);
  }
}
