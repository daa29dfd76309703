// Gloss's HTTP server: Next.js in-process, plus what Next does not do for us —
// a whole-page cache for anonymous readers (one render per change, the previous page served while
// it renders, removals dropped at once in every process through PostgreSQL NOTIFY),
// a CSP whose nonce only the scripts Next emitted carry, compression, request ids, JSON logs,
// metrics, several processes on one port (WEB_CONCURRENCY) and a graceful drain on SIGTERM.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import next from "next";
import pg from "pg";
import {
  assemblable,
  assembleBody,
  PartsCache,
  parseShell,
  parseThreadParts,
  scriptJson,
  shellShape,
} from "./lib/assemble.mjs";
import { contentSecurityPolicy, newNonce, nonceRequestHeader } from "./lib/csp.mjs";
import { PageCache, RETRY, StaticCache } from "./lib/page-cache.mjs";
import { deferChunkScripts } from "./lib/paint-first.mjs";
import {
  allCounters,
  answerCounterRequests,
  clientAddress,
  clientProto,
  countRequest,
  createLogger,
  databaseProbe,
  newCounters,
  renderMetrics,
  requestId,
  routeLabeller,
  runPrimary,
  sumCounters,
  tokenMatches,
  unavailablePage,
  wantsPage,
} from "./lib/service.mjs";
import { isSharedPage } from "./lib/shared-pages.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const https = (process.env.AUTH_URL ?? "").startsWith("https:");
const formTargets = [
  ...(process.env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
  ...(process.env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
];

// lib/env.ts validated these before the server started (scripts/run.mjs).
const concurrency = dev ? 1 : Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1) || 1);
const trustProxy = Math.max(0, Number(process.env.TRUST_PROXY ?? 0) || 0);
const metricsToken = process.env.METRICS_TOKEN || null;
const drainMs = 30_000;
const logger = createLogger(process.env.LOG_FORMAT === "json" ? "json" : "text");
logger.captureConsole();

const app = next({ dev, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();

// ---- the anonymous page cache (rules in ./lib/page-cache.mjs) ----
const pageCache = new PageCache();
const staticCache = new StaticCache();
const sessionCookie = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;
const readerPage =
  /^\/(?:$|articles\/|category\/|tag\/|author\/|\d{4}\/|search(?:$|\?)|feed\.|sitemap\.xml|robots\.txt)/;
// Pages read before anything is done on them: their scripts start after the first paint.
const paintFirstPage = new RegExp(`${readerPage.source}|^/(?:\\?|archive(?:$|[/?]))`);
// What "Show N more replies" loads: the same JSON for every anonymous reader (a held reply shows
// only to its author, whose request carries their session and is never cached).
const repliesAnswer = /^\/api\/comments\/[A-Za-z0-9_-]{1,64}\/replies(?:\?|$)/;
// This process's name in invalidations, so it skips the NOTIFY of a change it already applied.
const origin = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
// lib/cache/invalidate-pages.ts (same process: Next runs in it) applies a change here at once —
// before its response is sent — and tells the other processes through NOTIFY.
globalThis.glossPageCache = {
  origin,
  invalidate: (payload) => {
    pageCache.invalidate(payload);
    parts.invalidate(payload);
  },
};
// The shared article page's parts (./lib/assemble.mjs): its shell and each thread's HTML.
const parts = new PartsCache();

// A page whose HTML is the same for every viewer (scripts/lib/shared-pages.mjs: the article page)
// is served from the cache to signed-in readers too; other reader pages only without a session.
function isCacheable(req) {
  return (
    (req.method === "GET" || req.method === "HEAD") &&
    (readerPage.test(req.url) || repliesAnswer.test(req.url)) &&
    (isSharedPage(req.url) || !sessionCookie.test(req.headers.cookie ?? "")) &&
    !req.headers.authorization &&
    !req.headers.rsc &&
    !req.headers["x-gloss-assemble"] &&
    !req.headers["next-router-state-tree"] &&
    !req.headers["next-action"] &&
    !/[?&]_rsc=/.test(req.url)
  );
}

async function listenForInvalidation() {
  if (!process.env.DATABASE_URL) return;
  let delay = 500;
  const connect = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("error", () => {});
    client.on("end", () => {
      pageCache.clear();
      parts.invalidate("*");
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10_000);
    });
    client.on("notification", (n) => {
      const [payload, from] = String(n.payload ?? "").split("|");
      if (from !== origin) {
        pageCache.invalidate(payload);
        parts.invalidate(payload);
      }
    });
    try {
      await client.connect();
      await client.query("LISTEN gloss_pages");
      pageCache.clear();
      parts.invalidate("*");
      delay = 500;
    } catch {
      client.end().catch(() => {});
    }
  };
  await connect();
}

// ---- compression ----
const compressible =
  /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|ld\+json|manifest\+json)|image\/svg)/;

function pickEncoding(req) {
  const accept = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return null;
}

// A large body (a long discussion's page: 300 kB) is compressed on libuv's thread pool, not on the
// event loop: brotli took ~13 ms of it per render, during which no cached page could be served
// (issue 21: each new comment re-renders the page). Whoever asks first waits for it (others get
// the same promise); small bodies are compressed in place as before.
const asyncCompressBytes = 32 * 1024;
const smallUncompressedBytes = 4096;
function compressLater(entry, encoding, cache) {
  entry.packing ??= {};
  entry.packing[encoding] ??= new Promise((resolve, reject) => {
    const done = (error, packed) => {
      if (error) return reject(error);
      entry[encoding] = packed;
      cache?.grew(entry);
      resolve();
    };
    if (encoding === "br")
      zlib.brotliCompress(
        entry.body,
        {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
          },
        },
        done,
      );
    else zlib.gzip(entry.body, { level: 6 }, done);
  });
  return entry.packing[encoding];
}

function compress(entry, encoding, cache) {
  if (!encoding || entry.body.length < 1024) return null;
  if (!entry[encoding]) {
    entry[encoding] =
      encoding === "br"
        ? zlib.brotliCompressSync(entry.body, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
            },
          })
        : zlib.gzipSync(entry.body, { level: 6 });
    cache?.grew(entry);
  }
  return entry[encoding];
}

/** A Vary value with `name` added (once) to the header names already there. */
function addVary(current, name) {
  const names = (Array.isArray(current) ? current.join(",") : String(current ?? ""))
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  if (names.some((n) => n === "*" || n.toLowerCase() === name.toLowerCase())) return names.join(", ");
  return [...names, name].join(", ");
}

function send(req, res, entry, write, cache) {
  const headers = { ...entry.headers, "x-request-id": req.headers["x-request-id"] };
  // HSTS per request (a cached page is served over both schemes): when the public URL is https or
  // a trusted proxy says the client came over https.
  if (https || req.headers["x-gloss-client-proto"] === "https")
    headers["strict-transport-security"] = "max-age=31536000; includeSubDomains";
  // Accept-Encoding is added to what the app varies on (the annotation API's Accept, Next's RSC
  // headers), never in its place; on every compressible response, so that a 304, a HEAD (no body,
  // so never packed) and small bodies name the same headers as the GET.
  const negotiable = compressible.test(String(headers["content-type"] ?? ""));
  if (negotiable) headers.vary = addVary(headers.vary, "Accept-Encoding");
  if (entry.etag) {
    headers.etag = entry.etag;
    if (
      (req.method === "GET" || req.method === "HEAD") &&
      entry.status === 200 &&
      req.headers["if-none-match"] === entry.etag
    ) {
      write.writeHead(304, headers);
      write.end();
      return;
    }
  }
  // A small answer no cache keeps (an API's JSON: the personal layer's 1–3 kB after every page view)
  // goes as it is: compressing it once, for one reader, cost ~80 µs of a ~400 µs request (an encoder
  // set up per call) to save about a kilobyte. Cached pages and files are compressed once and kept.
  const encoding = negotiable && (cache || entry.body.length >= smallUncompressedBytes) ? pickEncoding(req) : null;
  if (encoding && !entry[encoding] && entry.body.length >= asyncCompressBytes) {
    compressLater(entry, encoding, cache).then(
      () => send(req, res, entry, write, cache),
      (e) => {
        console.error("[server] compression failed", e);
        entry.packing[encoding] = null;
        send(
          { method: req.method, headers: { ...req.headers, "accept-encoding": "identity" } },
          res,
          entry,
          write,
          cache,
        );
      },
    );
    return;
  }
  const packed = compress(entry, encoding, cache);
  const body = packed ?? entry.body;
  if (packed) headers["content-encoding"] = encoding;
  headers["content-length"] = String(body.length);
  write.writeHead(entry.status, headers);
  write.end(req.method === "HEAD" ? undefined : body);
}

// Buffers what Next writes, then finishes the response ourselves.
function capture(req, res, onDone) {
  const original = {
    writeHead: res.writeHead.bind(res),
    write: res.write.bind(res),
    end: res.end.bind(res),
    flushHeaders: res.flushHeaders.bind(res),
  };
  const chunks = [];
  let pendingHead = null;
  res.flushHeaders = () => {};
  res.writeHead = (status, reason, headers) => {
    if (typeof reason === "object") {
      headers = reason;
      reason = undefined;
    }
    res.statusCode = status;
    if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    pendingHead = true;
    return res;
  };
  res.write = (chunk, encoding, cb) => {
    if (chunk)
      chunks.push(
        Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"),
      );
    if (typeof encoding === "function") encoding();
    else if (typeof cb === "function") cb();
    return true;
  };
  res.end = (chunk, encoding, cb) => {
    if (typeof chunk === "function") {
      cb = chunk;
      chunk = undefined;
    }
    if (chunk) res.write(chunk, encoding);
    const headers = res.getHeaders();
    delete headers["content-length"];
    delete headers["transfer-encoding"];
    const entry = { status: res.statusCode, headers, body: Buffer.concat(chunks), at: Date.now() };
    void pendingHead;
    onDone(entry, original);
    if (typeof cb === "function") cb();
    else if (typeof encoding === "function") encoding();
    return res;
  };
}

// While PostgreSQL is away a page cannot render: an HTML request that failed gets the styled
// "back in a moment" page with 503 + Retry-After instead of Next's error page (the API answers JSON
// 503 itself: lib/http/api.ts). Whether the database is the cause is checked, not guessed.
const databaseUp = process.env.DATABASE_URL ? databaseProbe(process.env.DATABASE_URL) : async () => true;
const retryAfterSeconds = 5; // as lib/database-unavailable.ts

async function finishPage(req, res, entry, original, options) {
  if (entry.status >= 500 && wantsPage(req.method, req.url, req.headers) && !(await databaseUp())) {
    entry = {
      status: 503,
      body: Buffer.from(unavailablePage(retryAfterSeconds)),
      at: Date.now(),
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": String(retryAfterSeconds),
      },
    };
  }
  finish(req, res, entry, original, options);
}

function finish(req, res, entry, original, { render, nonce } = {}) {
  const type = String(entry.headers["content-type"] ?? "");
  const isHtml = type.startsWith("text/html");
  // A reader page's scripts start after its first paint (./lib/paint-first.mjs); their loader
  // carries this render's nonce, so only a production render (which has one) is rewritten. Not the
  // studio, the board or account pages: there one acts at once, and what is typed or clicked before
  // hydration is lost or takes the no-JavaScript path (the studio's schedule field is React's own).
  if (isHtml && nonce && entry.body.length && paintFirstPage.test(req.url))
    entry.body = deferChunkScripts(entry.body, nonce);
  // With a nonce the policy does not depend on the page (only the dev server hashes its scripts):
  // decoding a 300 kB body for it cost ~1–1.5 ms a render.
  entry.headers["content-security-policy"] = contentSecurityPolicy({
    html: isHtml ? (nonce ? "" : entry.body.toString("utf8")) : null,
    nonce,
    dev,
    https,
    formTargets,
  });
  // The app's own ETag (annotations: their version) wins; otherwise pages and JSON get a content hash.
  if (entry.headers.etag) entry.etag = String(entry.headers.etag);
  // (A HEAD answer has no body to hash: an ETag of nothing would not match the GET's.)
  else if ((isHtml || type.startsWith("application/json")) && req.method !== "HEAD")
    entry.etag = `"${crypto.createHash("sha1").update(entry.body).digest("base64url")}"`;
  // Only a GET's answer is kept: Next writes no body for HEAD, and a cached empty page would be
  // served to every reader (a HEAD may still be answered from a GET's entry).
  const cacheable =
    render &&
    req.method === "GET" &&
    entry.status === 200 &&
    !entry.headers["set-cookie"] &&
    (isHtml || (type.startsWith("application/json") && repliesAnswer.test(req.url)));
  if (cacheable) entry.headers["cache-control"] = "public, max-age=0, must-revalidate";
  if (render) pageCache.done(render, cacheable ? entry : null);
  const isStatic = !dev && req.url.startsWith("/_next/static/") && entry.status === 200;
  if (isStatic) staticCache.keep(req.url, entry);
  send(req, res, entry, original, cacheable ? pageCache : isStatic ? staticCache : undefined);
}

/** A cached page for `key`, or the render this request must do (null: render without the cache). */
async function fromCache(req, key) {
  if (req.method === "HEAD") return { hit: pageCache.peek(key) };
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = pageCache.lookup(key);
    if (!found.wait) return found;
    const entry = await found.wait;
    if (entry === RETRY) continue;
    return entry ? { hit: entry } : {};
  }
  return {};
}

// ---- metrics (GET /metrics with METRICS_TOKEN): summed over every app process ----
const counters = newCounters();
let openConnections = 0;
function ownCounters() {
  counters.cache = { ...pageCache.stats, ...parts.stats };
  counters.gauges = {
    page_cache_entries: pageCache.size,
    page_cache_bytes: pageCache.bytes,
    http_open_connections: openConnections,
    process_resident_memory_bytes: process.memoryUsage.rss(),
    nodejs_heap_used_bytes: process.memoryUsage().heapUsed,
    live_event_streams: openStreams.size,
  };
  const pool = globalThis.glossDb?.pool; // lib/db.ts: the Next app runs in this process
  if (pool)
    Object.assign(counters.gauges, {
      db_pool_connections: pool.totalCount,
      db_pool_idle: pool.idleCount,
      db_pool_waiting: pool.waitingCount,
    });
  return counters;
}
/** The job queue (lib/jobs, table "Job") as gauges; nothing when the database does not answer within 1 s. */
async function jobQueueDepth() {
  const pool = globalThis.glossDb?.pool;
  if (!pool) return {};
  try {
    const {
      rows: [r],
    } = await Promise.race([
      pool.query(
        `SELECT count(*) FILTER (WHERE "failedAt" IS NULL AND "runAt" <= now())::int AS due, count(*) FILTER (WHERE "failedAt" IS NULL)::int AS waiting, count(*) FILTER (WHERE "failedAt" IS NOT NULL)::int AS failed FROM "Job"`,
      ),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 1000).unref()),
    ]);
    return { job_queue_due: r.due, job_queue_waiting: r.waiting, job_queue_failed: r.failed };
  } catch {
    return {};
  }
}

async function serveMetrics(req, res) {
  if (!metricsToken) return false; // off: Next answers 404
  if (!tokenMatches(req.headers.authorization, metricsToken)) {
    res.writeHead(401, {
      "content-type": "text/plain; charset=utf-8",
      "www-authenticate": "Bearer",
      "cache-control": "no-store",
    });
    res.end("A metrics token is required.\n");
    return true;
  }
  const sum = sumCounters(await allCounters(ownCounters));
  Object.assign(sum.gauges, await jobQueueDepth()); // one database, so asked once, not summed
  const body = renderMetrics(sum);
  res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
  return true;
}

// Server-Sent Events (/api/articles/<slug>/events) are streamed straight from Next: never
// buffered, compressed, ETagged or cached (lib/live).
const eventStream = /^\/api\/articles\/[^/?]+\/events(?:\?|$)/;
const openStreams = new Set(); // ended on shutdown: they never finish by themselves

async function serve(req, res) {
  // Only this process asks for a page's parts (its internal server, below); from outside the header means nothing.
  if (!internalRequests.has(req)) delete req.headers["x-gloss-assemble"];
  const started = performance.now();
  req.headers["x-request-id"] = requestId(req.headers["x-request-id"]);
  res.setHeader("x-request-id", req.headers["x-request-id"]);
  res.once("finish", () => {
    if (internalRequests.has(req)) return; // a part of a page (its own answer is counted)
    const durationMs = performance.now() - started;
    countRequest(counters, { method: req.method, status: res.statusCode, durationMs, route: routeOf?.(req.url) });
    logger.request({
      method: req.method,
      url: req.url,
      status: res.statusCode,
      durationMs,
      requestId: req.headers["x-request-id"],
      ip: req.headers["x-gloss-client-ip"],
    });
  });
  // The client's address for rate limits: the socket's, or the one the trusted proxies report.
  delete req.headers["x-gloss-client-ip"];
  req.headers["x-gloss-client-ip"] = clientAddress(
    req.socket.remoteAddress,
    req.headers["x-forwarded-for"],
    trustProxy,
  );
  // …and the scheme it used: X-Forwarded-Proto only from trusted proxies (Next.js and Auth.js read
  // the header; Auth.js's cookies are Secure when it is https — lib/http/client-ip.ts).
  const proto = clientProto(!!req.socket.encrypted, req.headers["x-forwarded-proto"], trustProxy);
  req.headers["x-forwarded-proto"] = proto;
  req.headers["x-gloss-client-proto"] = proto;
  if (closing) res.setHeader("connection", "close");
  if ((req.url === "/metrics" || req.url.startsWith("/metrics?")) && (await serveMetrics(req, res))) return;
  if (eventStream.test(req.url)) {
    req.socket.setNoDelay(true);
    openStreams.add(res);
    res.on("close", () => openStreams.delete(res));
    return handle(req, res).catch((e) => {
      console.error("[server] event stream", e);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.destroy();
    });
  }

  if (req.method === "GET" && personalRequest.test(req.url) && globalThis.glossFastRoutes?.articlePersonal)
    return answerPersonal(req, res);

  if (!dev && (req.method === "GET" || req.method === "HEAD") && req.url.startsWith("/_next/static/")) {
    const staticHit = staticCache.lookup(req.url);
    if (staticHit) return send(req, res, staticHit, res, staticCache);
  }

  const cacheKey = !dev && isCacheable(req) ? req.url : null;
  const { hit, render } = cacheKey ? await fromCache(req, cacheKey) : {};
  if (hit) return send(req, res, hit, res, pageCache);
  // The shared article page: put together from its parts when it can be (./lib/assemble.mjs).
  const target = render && req.method === "GET" ? assemblable(cacheKey) : null;
  if (target) {
    // A page a change left as it was but for its count (./lib/page-cache.mjs's untouched) takes the new count only.
    const previous = pageCache.peek(cacheKey);
    const assembled = await (previous?.assembly && previous.stale && !previous.changed
      ? recountPage(target, previous.assembly)
      : Promise.resolve(null)
    )
      .then((recounted) => recounted ?? assemblePage(target))
      .catch((e) => {
        console.error("[server] assembling a page", e);
        return null;
      });
    if (assembled) return finishAssembled(req, res, assembled, render);
  }

  // Next puts this render's nonce on every script it writes (and only those run); a client's own
  // Content-Security-Policy request header never chooses it.
  delete req.headers["content-security-policy"];
  delete req.headers["content-security-policy-report-only"];
  const nonce = dev ? null : newNonce();
  if (nonce) req.headers["content-security-policy"] = nonceRequestHeader(nonce);
  // A render that ends without an answer (the client went away mid-render) must not keep others
  // waiting: when the response closes, its render is over either way (done() twice is harmless).
  if (render) res.once("close", () => pageCache.done(render, null));
  capture(req, res, (entry, original) => {
    if (entry.status < 500) return finish(req, res, entry, original, { render, nonce });
    finishPage(req, res, entry, original, { render, nonce }).catch((e) => {
      console.error("[server] error page", e);
      original.end();
    });
  });
  try {
    await handle(req, res);
  } catch (e) {
    console.error("[server] unhandled error", e);
    if (!res.writableEnded) {
      res.statusCode = 500;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("Something went wrong on our side.");
    }
  }
}

// ---- the shared article page, assembled from its parts (./lib/assemble.mjs) ----
// Next renders a part when this process asks its own internal server (127.0.0.1, a port of its
// own, so in a cluster each process asks itself) with the header x-gloss-assemble: "shell" or
// "threads <ids>". What the discussion is comes from lib/comments/discussion-view.ts in this process.
const internalRequests = new WeakSet();
const threadHandoff = new Map();
globalThis.glossThreadHandoff = threadHandoff;
let internalPort = null;
const internalAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
function startInternalServer() {
  const internal = http.createServer((req, res) => {
    internalRequests.add(req);
    return serve(req, res);
  });
  internal.listen(0, "127.0.0.1", () => {
    internalPort = internal.address().port;
  });
  internal.unref();
}

function internalGet(url, part) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: "127.0.0.1",
        port: internalPort,
        path: url,
        agent: internalAgent,
        headers: { "x-gloss-assemble": part, "accept-encoding": "identity", accept: "text/html" },
      },
      (response) => {
        const chunks = [];
        response.on("data", (c) => chunks.push(c));
        response.on("end", () =>
          resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on("error", reject);
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error("a part of the page took over 10 s")));
    request.on("error", reject);
  });
}

// What a page's cached answer keeps of its shell's headers (the rest is per answer, or set by finish/send).
const perAnswer = new Set([
  "etag",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "date",
  "connection",
  "keep-alive",
  "x-request-id",
  "cache-control",
  "vary",
]);

/** The page `target` ({ slug, sort, page }) from its parts; null when it cannot be (it is then rendered whole). */
async function assemblePage(target) {
  const discussionView = globalThis.glossFastRoutes?.discussionView;
  if (!discussionView || !internalPort) return null;
  const view = await discussionView(target.slug, target.sort, target.page);
  if (!view) return null; // no such article: Next answers
  const url = `/articles/${target.slug}?${new URLSearchParams({
    ...(target.sort !== "oldest" ? { sort: target.sort } : {}),
    ...(target.page > 1 ? { page: String(target.page) } : {}),
  })}`;
  const shape = shellShape({ pageCount: view.pageCount, total: view.total, empty: view.threads.length === 0 });
  let shell = parts.shell(target);
  if (!shell || shell.shape !== shape) {
    const got = await internalGet(url, "shell");
    const parsed = got.status === 200 && !got.headers["set-cookie"] ? parseShell(got.body.toString("utf8")) : null;
    parts.stats.shellRenders++;
    // A shell drawn for another shape (the discussion changed meanwhile) is not this page's.
    if (!parsed || parsed.shape !== shape) return null;
    shell = { ...parsed, headers: Object.fromEntries(Object.entries(got.headers).filter(([k]) => !perAnswer.has(k))) };
    shell.headers.vary = got.headers.vary;
    parts.keepShell(target, shell);
  }
  const missing = view.threads.filter((t) => !parts.thread(t.key));
  if (missing.length) {
    const mark = crypto.randomBytes(9).toString("base64url");
    const html = await renderThreads(url, mark, missing, view.context);
    parts.stats.threadRenders++;
    if (html)
      for (const [key, part] of parseThreadParts(html, mark)) {
        parts.keepThread(key, part);
        parts.stats.threadsRendered++;
      }
  }
  const threadsHtml = [];
  for (const [i, t] of view.threads.entries()) {
    const kept = parts.thread(t.key);
    if (!kept) return null; // changed while it rendered: the whole page renders instead
    // The threads after the server HTML's cut go in one <noscript> (components/comments/inert-cut.ts).
    if (i === view.live) threadsHtml.push("<noscript>");
    threadsHtml.push(kept.html);
  }
  if (view.live < view.threads.length) threadsHtml.push("</noscript>");
  parts.stats.assembled++;
  return assembledEntry({
    sort: target.sort,
    page: target.page,
    pageCount: view.pageCount,
    last: target.page >= view.pageCount,
    empty: view.threads.length === 0,
    roots: new Set(view.threads.map((t) => t.id)),
    shell,
    threadsHtml,
    json: scriptJson(view.threads.map((t) => t.view)),
    total: view.total,
  });
}

/**
 * The HTML of `threads` (marked with `mark`: ./lib/assemble.mjs), or null. Rendered in this process's
 * server React directly (components/comments/thread-renderer.ts: no page request, a few ms a
 * thread) once a page render has loaded that code; until then, and should it fail, by a thread
 * render of the page itself through the internal server.
 */
async function renderThreads(url, mark, threads, context) {
  const direct = globalThis.glossThreadRenderer;
  if (direct) {
    try {
      parts.stats.directThreadRenders++;
      return await direct(mark, threads, context);
    } catch (error) {
      console.error("[gloss] rendering threads directly failed; rendering them through the page:", error);
    }
  }
  // The threads just read, handed to the render in this process (components/comments/shared-thread-parts.tsx).
  threadHandoff.set(mark, { threads, context });
  const got = await internalGet(url, `threads ${mark} ${threads.map((t) => t.id).join(",")}`).finally(() =>
    threadHandoff.delete(mark),
  );
  return got.status === 200 ? got.body.toString("utf8") : null;
}

/**
 * The cache entry of an assembled page; `assembly` is what it was made of (for a later recount).
 * Each one gets a nonce of its own, written over the shell's: as with a whole render, no comment
 * can carry the nonce of the page it appears in, since that nonce did not exist when it was written.
 */
function assembledEntry(assembly) {
  const { shell } = assembly;
  const headers = { ...shell.headers };
  let parts = shell;
  let fresh = null;
  const old = /'nonce-([A-Za-z0-9+/_=-]{16,})'/.exec(String(headers["content-security-policy"] ?? ""))?.[1];
  if (old) {
    fresh = newNonce();
    const swap = (s) => s.split(old).join(fresh);
    parts = { head: swap(shell.head), middle: swap(shell.middle), tail: swap(shell.tail) };
    headers["content-security-policy"] = swap(String(headers["content-security-policy"]));
  }
  return { status: 200, headers, body: assembleBody(parts, { ...assembly, nonce: fresh }), at: Date.now(), assembly };
}

/** The page again with a new count (and the same threads); null when the pager or the shell's shape changed. */
async function recountPage(target, assembly) {
  const count = await globalThis.glossFastRoutes?.discussionCount?.(target.slug);
  if (!count || count.pageCount !== assembly.pageCount) return null;
  if (shellShape({ ...count, empty: assembly.empty }) !== assembly.shell.shape) return null;
  parts.stats.recounted++;
  return assembledEntry({ ...assembly, total: count.total });
}

function finishAssembled(req, res, entry, render) {
  if (!entry.headers.vary) delete entry.headers.vary;
  entry.headers["cache-control"] = "public, max-age=0, must-revalidate";
  entry.etag = `"${crypto.createHash("sha1").update(entry.body).digest("base64url")}"`;
  pageCache.done(render, entry);
  send(req, res, entry, res, pageCache);
}

// ---- the article page's personal request, without Next's router ----
// Every page view of a signed-in reader asks GET /api/me/articles/<slug> (the page itself comes from
// the shared cache). instrumentation.ts hands this process the route's own handler
// (lib/personal/article-personal-route.ts); calling it here skips Next's routing, which was most of
// the request's CPU. Same answer, headers and errors; finished like every other answer (CSP, ETag,
// compression). Until Next has loaded instrumentation, Next answers it.
const personalRequest = /^\/api\/me\/articles\/[^/?#]+(?:\?[^#]*)?$/;
async function answerPersonal(req, res) {
  try {
    const url = new URL(req.url, "http://gloss.internal");
    const raw = url.pathname.slice("/api/me/articles/".length);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
    const request = new Request(url, { headers });
    const response = await globalThis.glossFastRoutes.articlePersonal(request, {
      params: Promise.resolve().then(() => ({ slug: decodeURIComponent(raw) })),
    });
    const entry = {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
      at: Date.now(),
    };
    finish(req, res, entry, res);
  } catch (e) {
    console.error("[server] personal request", e);
    if (!res.headersSent) {
      res.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(
        JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side. Please try again." } }),
      );
    }
  }
}

let closing = false;
let server = null;
let routeOf = null; // the metrics' route label (Next's route patterns from the build)

async function runWorker() {
  await app.prepare();
  try {
    routeOf = routeLabeller(
      JSON.parse(fs.readFileSync(path.join(process.cwd(), ".next", "routes-manifest.json"), "utf8")),
    );
  } catch {
    /* dev: no labels by route */
  }
  await listenForInvalidation();
  if (!dev) startInternalServer();
  server = http.createServer(serve);
  server.keepAliveTimeout = 65_000;
  server.on("connection", (socket) => {
    openConnections++;
    socket.once("close", () => {
      openConnections--;
    });
  });
  answerCounterRequests(ownCounters);
  server.listen(port, hostname, () =>
    console.log(
      `Gloss is serving http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}${cluster.isWorker ? ` (process ${process.pid})` : ""}`,
    ),
  );

  // Scheduled publishing, mail and clean-up run from the job queue in PostgreSQL (lib/jobs), which
  // each Next process joins through instrumentation.ts.

  // SIGTERM / SIGINT: stop accepting connections, let the requests in flight finish (up to 30 s;
  // keep-alive connections are closed as they go idle), stop background work, exit 0.
  async function shutdown(signal) {
    if (closing) return;
    closing = true;
    console.log(`[server] ${signal}: finishing open requests`);
    process.emit("gloss:shutdown"); // background work (the job worker) stops taking jobs
    const force = setTimeout(() => process.exit(0), drainMs);
    force.unref();
    server.close(async () => {
      await globalThis.glossJobWorker?.stop?.().catch(() => {}); // the job in hand finishes
      await globalThis.glossDb?.pool?.end().catch(() => {});
      process.exit(0);
    });
    server.closeIdleConnections();
    for (const stream of openStreams) stream.destroy(); // live streams never end by themselves
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    idle.unref();
  }
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

if (cluster.isPrimary && concurrency > 1) runPrimary(concurrency, { drainMs });
else await runWorker();
