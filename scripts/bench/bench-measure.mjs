// Measurements for `npm run bench` that need no browser: raw HTTP fetches (bytes exactly as sent),
// the page's first-load JavaScript, and throughput/latency with autocannon.
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import zlib from "node:zlib";
import autocannon from "autocannon";

// autocannon keeps each response's body as a string (`req.body += chunk`: every chunk decoded as
// UTF-8) for options these benches never use (expectBody, verifyBody, a request's onResponse). On
// a compressed page that decoding cost the load generator far more than the server spent answering:
// 0.37 ms a response for the 5,000-comment page's 32 kB of brotli, against 0.03–0.1 ms of server
// CPU — so it, not the server, set the figure (~2,000 req/s at any load). The bodies are still read
// off the socket in full and counted (throughputBytesPerSec); they are just not copied into strings.
const PipelinedRequestsQueue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js");
PipelinedRequestsQueue.prototype.addBody = () => {};

/** What a browser sends for a document, minus cookies (an anonymous reader). */
export const browserHeaders = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "br, gzip",
  "accept-language": "en-US,en;q=0.9",
  "user-agent":
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36 gloss-bench",
};

/** GET without any automatic decompression: { status, headers, raw (bytes as sent), body (decoded) }. */
export function rawGet(url, headers = browserHeaders, { timeoutMs = 15_000 } = {}) {
  const u = new URL(url);
  const lib = u.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(u, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = String(res.headers["content-encoding"] ?? "identity").toLowerCase();
        let body;
        try {
          body = decode(raw, encoding);
        } catch (e) {
          reject(new Error(`${url}: cannot decode ${encoding} body (${e.message})`));
          return;
        }
        resolve({ status: res.statusCode, headers: res.headers, raw, body, encoding });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${url}: no response within ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

function decode(raw, encoding) {
  if (encoding === "br") return zlib.brotliDecompressSync(raw);
  if (encoding === "gzip" || encoding === "x-gzip") return zlib.gunzipSync(raw);
  if (encoding === "deflate") return zlib.inflateSync(raw);
  return raw;
}

const entities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return entities[e.toLowerCase()] ?? m;
  });
}

function attributes(s) {
  const attrs = {};
  for (const m of s.matchAll(/([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

const jsTypes = new Set([
  "",
  "module",
  "text/javascript",
  "application/javascript",
  "application/ecmascript",
  "text/ecmascript",
]);

/**
 * The external scripts a modern browser fetches on first load: <script src> (not nomodule, not
 * data blocks), <link rel=preload as=script> and <link rel=modulepreload>. Returns
 * [{ url, via }] de-duplicated by absolute URL; `skipped` lists what was left out and why.
 */
export function scriptUrls(html, baseUrl) {
  const found = new Map();
  const skipped = [];
  const add = (href, via) => {
    if (!href) return;
    const url = new URL(href, baseUrl).href;
    if (!found.has(url)) found.set(url, { url, via });
  };
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, "");
  for (const m of withoutComments.matchAll(/<script\b([^>]*)>/gi)) {
    const a = attributes(m[1]);
    if (!("src" in a)) continue;
    if ("nomodule" in a) {
      skipped.push({ url: new URL(a.src, baseUrl).href, why: "nomodule" });
      continue;
    }
    if (!jsTypes.has((a.type ?? "").trim().toLowerCase())) {
      skipped.push({ url: new URL(a.src, baseUrl).href, why: `type=${a.type}` });
      continue;
    }
    add(a.src, "script");
  }
  // A reader page's chunk scripts are started by an inline loader after its first paint
  // (scripts/lib/paint-first.mjs): the same first-load scripts, listed in its last argument.
  for (const m of withoutComments.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const list = /\}\)\(document,(\[[^\]]*\])\)$/.exec(m[1].trim())?.[1];
    if (!list) continue;
    try {
      for (const src of JSON.parse(list)) add(src, "paint-first loader");
    } catch {
      /* not the loader */
    }
  }
  for (const m of withoutComments.matchAll(/<link\b([^>]*)>/gi)) {
    const a = attributes(m[1]);
    const rel = (a.rel ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("modulepreload")) add(a.href, "modulepreload");
    else if (rel.includes("preload") && (a.as ?? "").toLowerCase() === "script") add(a.href, "preload");
  }
  return { scripts: [...found.values()], skipped };
}

/** Fetches every first-load script; sizes uncompressed, as sent, and gzip -9 (zlib). */
export async function measureScripts(html, pageUrl) {
  const { scripts, skipped } = scriptUrls(html, pageUrl);
  const files = await Promise.all(
    scripts.map(async ({ url, via }) => {
      const headers = { ...browserHeaders, accept: "*/*" };
      const r = await rawGet(url, headers);
      return {
        url,
        via,
        status: r.status,
        encoding: r.encoding,
        bytes: r.body.length,
        sentBytes: r.raw.length,
        gzipBytes: zlib.gzipSync(r.body, { level: 9 }).length,
      };
    }),
  );
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  return {
    count: files.length,
    bytes: sum("bytes"),
    sentBytes: sum("sentBytes"),
    gzipBytes: sum("gzipBytes"),
    files,
    skipped,
  };
}

/** The document as a reader's browser receives it. */
export async function measureHtml(pageUrl) {
  const r = await rawGet(pageUrl);
  const html = r.body.toString("utf8");
  return {
    status: r.status,
    encoding: r.encoding,
    bytes: r.body.length,
    sentBytes: r.raw.length,
    gzip9Bytes: zlib.gzipSync(r.body, { level: 9 }).length,
    cacheControl: r.headers["cache-control"] ?? null,
    etag: r.headers.etag ?? null,
    setCookie: r.headers["set-cookie"] ?? null,
    html,
  };
}

let running = null;
/** Stops a load test in progress (for Ctrl-C). */
export function stopLoad() {
  running?.stop?.();
}

/** autocannon against one URL; returns the numbers the bench reports. */
export async function load(url, { connections, durationSec, headers = browserHeaders }) {
  const instance = autocannon({ url, connections, duration: durationSec, headers, timeout: 10 });
  running = instance;
  let result;
  try {
    result = await instance;
  } finally {
    running = null;
  }
  const seconds = result.duration || durationSec;
  return {
    connections,
    durationSec: Math.round(seconds * 100) / 100,
    requests: result.requests.total ?? result.latency.totalCount,
    requestsPerSec: Math.round((result["2xx"] + result.non2xx) / seconds),
    requestsPerSecAvg: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    status: {
      "2xx": result["2xx"],
      non2xx: result.non2xx,
      "3xx": result["3xx"],
      "4xx": result["4xx"],
      "5xx": result["5xx"],
    },
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets,
    throughputBytesPerSec: result.throughput.average,
    // What each answer carried (headers + body as sent): a check that whole bodies were received.
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : null,
  };
}
