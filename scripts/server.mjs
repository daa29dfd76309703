// Gloss's HTTP server: Next.js in-process, plus what Next does not do for us —
// a whole-page cache for anonymous readers (dropped on PostgreSQL NOTIFY from any process),
// a CSP with the hashes of each page's inline scripts, compression, and graceful shutdown.
import crypto from "node:crypto";
import http from "node:http";
import zlib from "node:zlib";
import next from "next";
import pg from "pg";
import { contentSecurityPolicy } from "./lib/csp.mjs";
import { isSharedPage } from "./lib/shared-pages.mjs";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const https = (process.env.AUTH_URL ?? "").startsWith("https:");
const formTargets = [
  ...(process.env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
  ...(process.env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
];

const app = next({ dev, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();

// ---- the anonymous page cache ----
const pageCache = new Map(); // url -> { status, headers, body, etag, at, br?, gzip? }
const staticCache = new Map(); // immutable /_next/static assets, compressed once
const maxPages = 1000;
const pageTtlMs = 10 * 60_000;
const sessionCookie = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;
const readerPage = /^\/(?:$|articles\/|category\/|tag\/|author\/|\d{4}\/|search(?:$|\?)|feed\.|sitemap\.xml|robots\.txt)/;

// A page whose HTML is the same for every viewer (scripts/lib/shared-pages.mjs: the article page)
// is served from the cache to signed-in readers too; other reader pages only without a session.
function isCacheable(req) {
  return (req.method === "GET" || req.method === "HEAD") && readerPage.test(req.url) &&
    (isSharedPage(req.url) || !sessionCookie.test(req.headers.cookie ?? "")) && !req.headers.authorization &&
    !req.headers.rsc && !req.headers["next-router-state-tree"] && !req.headers["next-action"] &&
    !/[?&]_rsc=/.test(req.url);
}

// "*" drops every page; "/articles/<slug>" drops that article's pages (any query string).
function dropPages(payload) {
  if (!payload || payload === "*") return pageCache.clear();
  for (const key of pageCache.keys()) {
    if (key === payload || key.startsWith(payload + "?") || key.startsWith(payload + "/")) pageCache.delete(key);
  }
}

async function listenForInvalidation() {
  if (!process.env.DATABASE_URL) return;
  let delay = 500;
  const connect = async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    client.on("error", () => {});
    client.on("end", () => { pageCache.clear(); setTimeout(connect, delay); delay = Math.min(delay * 2, 10_000); });
    client.on("notification", (n) => dropPages(n.payload));
    try {
      await client.connect();
      await client.query("LISTEN gloss_pages");
      pageCache.clear();
      delay = 500;
    } catch {
      client.end().catch(() => {});
    }
  };
  await connect();
}

// ---- compression ----
const compressible = /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|ld\+json|manifest\+json)|image\/svg)/;

function pickEncoding(req) {
  const accept = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accept)) return "br";
  if (/\bgzip\b/.test(accept)) return "gzip";
  return null;
}

function compress(entry, encoding) {
  if (!encoding || entry.body.length < 1024) return null;
  entry[encoding] ??= encoding === "br"
    ? zlib.brotliCompressSync(entry.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
    : zlib.gzipSync(entry.body, { level: 6 });
  return entry[encoding];
}

/** A Vary value with `name` added (once) to the header names already there. */
function addVary(current, name) {
  const names = (Array.isArray(current) ? current.join(",") : String(current ?? "")).split(",").map((n) => n.trim()).filter(Boolean);
  if (names.some((n) => n === "*" || n.toLowerCase() === name.toLowerCase())) return names.join(", ");
  return [...names, name].join(", ");
}

function send(req, res, entry, write) {
  const headers = { ...entry.headers };
  // Accept-Encoding is added to what the app varies on (the annotation API's Accept, Next's RSC
  // headers), never in its place; on every compressible response, so that a 304, a HEAD (no body,
  // so never packed) and small bodies name the same headers as the GET.
  const negotiable = compressible.test(String(headers["content-type"] ?? ""));
  if (negotiable) headers.vary = addVary(headers.vary, "Accept-Encoding");
  if (entry.etag) {
    headers.etag = entry.etag;
    if ((req.method === "GET" || req.method === "HEAD") && entry.status === 200 && req.headers["if-none-match"] === entry.etag) { write.writeHead(304, headers); write.end(); return; }
  }
  const encoding = negotiable ? pickEncoding(req) : null;
  const packed = compress(entry, encoding);
  const body = packed ?? entry.body;
  if (packed) headers["content-encoding"] = encoding;
  headers["content-length"] = String(body.length);
  write.writeHead(entry.status, headers);
  write.end(req.method === "HEAD" ? undefined : body);
}

// Buffers what Next writes, then finishes the response ourselves.
function capture(req, res, onDone) {
  const original = { writeHead: res.writeHead.bind(res), write: res.write.bind(res), end: res.end.bind(res), flushHeaders: res.flushHeaders.bind(res) };
  const chunks = [];
  let pendingHead = null;
  res.flushHeaders = () => {};
  res.writeHead = (status, reason, headers) => {
    if (typeof reason === "object") { headers = reason; reason = undefined; }
    res.statusCode = status;
    if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    pendingHead = true;
    return res;
  };
  res.write = (chunk, encoding, cb) => {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    if (typeof encoding === "function") encoding(); else if (typeof cb === "function") cb();
    return true;
  };
  res.end = (chunk, encoding, cb) => {
    if (typeof chunk === "function") { cb = chunk; chunk = undefined; }
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

function finish(req, res, entry, original, { cacheKey } = {}) {
  const type = String(entry.headers["content-type"] ?? "");
  const isHtml = type.startsWith("text/html");
  entry.headers["content-security-policy"] = contentSecurityPolicy({ html: isHtml ? entry.body.toString("utf8") : null, dev, https, formTargets });
  // The app's own ETag (annotations: their version) wins; otherwise pages and JSON get a content hash.
  if (entry.headers.etag) entry.etag = String(entry.headers.etag);
  // (A HEAD answer has no body to hash: an ETag of nothing would not match the GET's.)
  else if ((isHtml || type.startsWith("application/json")) && req.method !== "HEAD") entry.etag = `"${crypto.createHash("sha1").update(entry.body).digest("base64url")}"`;
  // Only a GET's answer is kept: Next writes no body for HEAD, and a cached empty page would be
  // served to every reader (a HEAD may still be answered from a GET's entry).
  const cacheable = cacheKey && req.method === "GET" && entry.status === 200 && isHtml && !entry.headers["set-cookie"];
  if (cacheable) {
    entry.headers["cache-control"] = "public, max-age=0, must-revalidate";
    if (pageCache.size >= maxPages) pageCache.delete(pageCache.keys().next().value);
    pageCache.set(cacheKey, entry);
  }
  if (!dev && req.url.startsWith("/_next/static/") && entry.status === 200) staticCache.set(req.url, entry);
  send(req, res, entry, original);
}

async function serve(req, res) {
  delete req.headers["x-gloss-client-ip"];
  req.headers["x-gloss-client-ip"] = req.socket.remoteAddress ?? "unknown";

  const staticHit = staticCache.get(req.url);
  if (staticHit && (req.method === "GET" || req.method === "HEAD")) return send(req, res, staticHit, res);

  const cacheKey = !dev && isCacheable(req) ? req.url : null;
  const hit = cacheKey && pageCache.get(cacheKey);
  if (hit && Date.now() - hit.at < pageTtlMs) return send(req, res, hit, res);

  capture(req, res, (entry, original) => finish(req, res, entry, original, { cacheKey }));
  try {
    await handle(req, res);
  } catch (e) {
    console.error("[server] unhandled error", e);
    if (!res.writableEnded) { res.statusCode = 500; res.setHeader("content-type", "text/plain; charset=utf-8"); res.end("Something went wrong on our side."); }
  }
}

await app.prepare();
await listenForInvalidation();
const server = http.createServer(serve);
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`Gloss is serving http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));

// Scheduled articles appear at their time without a reader's request: every 15 s the server asks
// itself (an HMAC of AUTH_SECRET proves it) to publish what is due.
const internalToken = crypto.createHmac("sha256", process.env.AUTH_SECRET ?? "").update("publish-due").digest("hex");
const ticker = setInterval(() => {
  fetch(`http://127.0.0.1:${port}/api/internal/publish-due`, { method: "POST", headers: { "x-gloss-internal": internalToken } })
    .catch(() => {});
}, 15_000);
ticker.unref();

let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(`[server] ${signal}: finishing open requests`);
  const force = setTimeout(() => process.exit(0), 10_000);
  force.unref();
  server.close(async () => {
    await globalThis.glossDb?.pool?.end().catch(() => {});
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
