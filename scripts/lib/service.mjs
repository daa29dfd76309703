// What scripts/server.mjs needs to run as a service, apart from HTTP serving so it can be tested:
// the client's address behind trusted proxies, request ids, JSON logs, Prometheus metrics summed
// over every process, and the cluster primary that runs WEB_CONCURRENCY app processes on one port.
import cluster from "node:cluster";
import crypto from "node:crypto";
import util from "node:util";

/**
 * The client's address. With `trustProxy` = N reverse proxies in front, each appends the address
 * it received the request from to X-Forwarded-For, so the client is the N-th address from the
 * right (anything further left was written by the client and proves nothing). Without trusted
 * proxies, or with fewer addresses than proxies, the socket's address.
 */
export function clientAddress(socketAddress, forwardedFor, trustProxy) {
  const socket = socketAddress ?? "unknown";
  if (!trustProxy) return socket;
  const list = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : String(forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const picked = list.length >= trustProxy ? list[list.length - trustProxy] : list[0];
  return picked && /^[0-9a-fA-F:.]{2,45}$/.test(picked) ? picked : socket;
}

/** The scheme the client used: X-Forwarded-Proto only from a trusted proxy. */
export function clientProto(encrypted, forwardedProto, trustProxy) {
  if (trustProxy && forwardedProto) {
    const last = String(forwardedProto)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    if (last === "https" || last === "http") return last;
  }
  return encrypted ? "https" : "http";
}

/** An incoming X-Request-Id when it is a sane token, else a new one. */
export function requestId(incoming) {
  return typeof incoming === "string" && /^[\w.:@/+=-]{1,128}$/.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Logging for LOG_FORMAT: `json` writes one JSON object per line on stdout — requests (method,
 * path without its query, status, duration, request id, client address as TRUST_PROXY gives it) and console errors (message and stack);
 * `text` keeps console output as it is and logs no requests.
 */
export function createLogger(format, { write = (line) => process.stdout.write(line + "\n"), pid = process.pid } = {}) {
  const json = format === "json";
  const emit = (level, fields) => write(JSON.stringify({ time: new Date().toISOString(), level, pid, ...fields }));
  return {
    json,
    request({ method, url, status, durationMs, requestId: id, cache, ip }) {
      if (!json) return;
      emit(status >= 500 ? "error" : "info", {
        msg: "request",
        method,
        path: String(url ?? "").split("?")[0],
        status,
        durationMs: Math.round(durationMs * 10) / 10,
        requestId: id,
        ...(ip ? { ip } : {}),
        ...(cache ? { cache } : {}),
      });
    },
    /** Routes console.error / console.warn / console.log through JSON lines. */
    captureConsole(target = console) {
      if (!json) return;
      for (const [method, level] of [
        ["error", "error"],
        ["warn", "warn"],
        ["log", "info"],
        ["info", "info"],
      ]) {
        target[method] = (...args) => {
          const error = args.find((a) => a instanceof Error);
          emit(level, {
            msg: util.format(...args.map((a) => (a instanceof Error ? a.message : a))),
            ...(error ? { stack: error.stack } : {}),
          });
        };
      }
    },
  };
}

// ---- metrics ----
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counters of one process, as a plain object (so processes can send them to each other). */
export function newCounters() {
  return {
    requests: {},
    durationBuckets: buckets.map(() => 0),
    durationCount: 0,
    durationSum: 0,
    cache: {},
    gauges: {},
    routes: {},
    routeDurations: {},
  };
}

export function countRequest(counters, { method, status, durationMs, route }) {
  const key = `${method}|${Math.floor(status / 100)}xx`;
  counters.requests[key] = (counters.requests[key] ?? 0) + 1;
  const seconds = durationMs / 1000;
  buckets.forEach((b, i) => {
    if (seconds <= b) counters.durationBuckets[i]++;
  });
  counters.durationCount++;
  counters.durationSum += seconds;
  if (route) {
    // by route (Next's route pattern: bounded, never the raw path) and exact status
    counters.routes ??= {};
    counters.routeDurations ??= {};
    const routeKey = `${method}|${route}|${status}`;
    counters.routes[routeKey] = (counters.routes[routeKey] ?? 0) + 1;
    const h = (counters.routeDurations[route] ??= { buckets: buckets.map(() => 0), count: 0, sum: 0 });
    buckets.forEach((b, i) => {
      if (seconds <= b) h.buckets[i]++;
    });
    h.count++;
    h.sum += seconds;
  }
}

/**
 * The route label of a request path: the Next.js route pattern it matches (`/articles/[slug]`),
 * from the build's routes manifest, so the label set is bounded by the app's routes whatever
 * paths clients ask for. Static files are one label; anything else is "(unmatched)".
 */
export function routeLabeller(manifest) {
  const routes = [...(manifest?.staticRoutes ?? []), ...(manifest?.dynamicRoutes ?? [])].flatMap((r) => {
    try {
      return [{ page: r.page, re: new RegExp(r.regex) }];
    } catch {
      return [];
    }
  });
  const memo = new Map();
  return function routeOf(url) {
    const p = String(url ?? "/").split("?")[0];
    if (p.startsWith("/_next/static/")) return "/_next/static";
    if (p.startsWith("/_next/")) return "/_next";
    if (p === "/metrics") return "/metrics";
    const known = memo.get(p);
    if (known) return known;
    const page = routes.find((r) => r.re.test(p))?.page ?? "(unmatched)";
    if (memo.size >= 5000) memo.clear();
    memo.set(p, page);
    return page;
  };
}

const labelValue = (v) => String(v).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

/** Sums the counters of several processes (gauges too: entries and bytes add up across processes). */
export function sumCounters(list) {
  const out = newCounters();
  for (const c of list) {
    for (const [k, v] of Object.entries(c.requests)) out.requests[k] = (out.requests[k] ?? 0) + v;
    c.durationBuckets.forEach((v, i) => {
      out.durationBuckets[i] += v;
    });
    out.durationCount += c.durationCount;
    out.durationSum += c.durationSum;
    for (const [k, v] of Object.entries(c.cache)) out.cache[k] = (out.cache[k] ?? 0) + v;
    for (const [k, v] of Object.entries(c.gauges)) out.gauges[k] = (out.gauges[k] ?? 0) + v;
    for (const [k, v] of Object.entries(c.routes ?? {})) out.routes[k] = (out.routes[k] ?? 0) + v;
    for (const [route, h] of Object.entries(c.routeDurations ?? {})) {
      const o = (out.routeDurations[route] ??= { buckets: buckets.map(() => 0), count: 0, sum: 0 });
      h.buckets.forEach((v, i) => {
        o.buckets[i] += v;
      });
      o.count += h.count;
      o.sum += h.sum;
    }
  }
  out.processes = list.length;
  return out;
}

/** Prometheus text exposition format (version 0.0.4). */
export function renderMetrics(c) {
  const lines = [];
  const metric = (name, type, help, samples) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
  };
  metric(
    "gloss_http_requests_total",
    "counter",
    "HTTP requests answered, by method and status class.",
    Object.entries(c.requests).map(([k, v]) => {
      const [method, status] = k.split("|");
      return [`{method="${method}",status="${status}"}`, v];
    }),
  );
  // Histogram buckets are cumulative (countRequest adds a request to every bucket it fits in).
  lines.push(
    "# HELP gloss_http_request_duration_seconds Time to answer a request.",
    "# TYPE gloss_http_request_duration_seconds histogram",
  );
  buckets.forEach((b, i) =>
    lines.push(`gloss_http_request_duration_seconds_bucket{le="${b}"} ${c.durationBuckets[i]}`),
  );
  lines.push(`gloss_http_request_duration_seconds_bucket{le="+Inf"} ${c.durationCount}`);
  lines.push(
    `gloss_http_request_duration_seconds_sum ${c.durationSum}`,
    `gloss_http_request_duration_seconds_count ${c.durationCount}`,
  );
  metric(
    "gloss_http_requests_by_route_total",
    "counter",
    "HTTP requests answered, by method, route (Next.js route pattern) and status code.",
    Object.entries(c.routes ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => {
        const [method, route, status] = k.split("|");
        return [`{method="${labelValue(method)}",route="${labelValue(route)}",status="${status}"}`, v];
      }),
  );
  lines.push(
    "# HELP gloss_http_route_duration_seconds Time to answer a request, by route.",
    "# TYPE gloss_http_route_duration_seconds histogram",
  );
  for (const [route, h] of Object.entries(c.routeDurations ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const r = `route="${labelValue(route)}"`;
    buckets.forEach((b, i) => lines.push(`gloss_http_route_duration_seconds_bucket{${r},le="${b}"} ${h.buckets[i]}`));
    lines.push(`gloss_http_route_duration_seconds_bucket{${r},le="+Inf"} ${h.count}`);
    lines.push(
      `gloss_http_route_duration_seconds_sum{${r}} ${h.sum}`,
      `gloss_http_route_duration_seconds_count{${r}} ${h.count}`,
    );
  }
  metric(
    "gloss_page_cache_events_total",
    "counter",
    "Whole-page cache: hits, stale pages served while a render ran, requests that waited for a render, renders; article pages assembled from their parts, shells and thread batches rendered, threads rendered.",
    Object.entries(c.cache).map(([k, v]) => [`{event="${k}"}`, v]),
  );
  for (const [k, v] of Object.entries(c.gauges))
    metric(`gloss_${k}`, "gauge", gaugeHelp[k] ?? k.replace(/_/g, " "), [["", v]]);
  metric("gloss_processes", "gauge", "App processes whose figures are summed here.", [["", c.processes ?? 1]]);
  return lines.join("\n") + "\n";
}

const gaugeHelp = {
  page_cache_entries: "Pages in the whole-page cache.",
  page_cache_bytes: "Bytes held by the whole-page cache, compressed copies included.",
  process_resident_memory_bytes: "Resident memory of the app processes.",
  nodejs_heap_used_bytes: "V8 heap in use.",
  http_open_connections: "Open client connections.",
  live_event_streams: "Open live-update (Server-Sent Events) streams.",
  db_pool_connections: "Database connections held by the app processes' pools.",
  db_pool_idle: "Idle database connections in the pools.",
  db_pool_waiting: "Queries waiting for a database connection.",
  job_queue_due: "Background jobs due now and not yet done (mail, publishing, clean-up).",
  job_queue_waiting: "Background jobs waiting, due or scheduled later.",
  job_queue_failed: "Background jobs that gave up after their last attempt.",
};

/** A bearer token check that takes the same time whatever the guess. */
export function tokenMatches(header, token) {
  if (!token) return false;
  const given = /^Bearer\s+(.+)$/i.exec(String(header ?? ""))?.[1] ?? "";
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(token).digest();
  return crypto.timingSafeEqual(a, b);
}

// ---- several processes ----

/**
 * A worker's way to get every process's counters: asks the primary, which asks each worker (up to
 * `timeoutMs`). In a single process (no cluster), just this one's.
 */
export function allCounters(own, { timeoutMs = 1000 } = {}) {
  if (!cluster.isWorker) return Promise.resolve([own()]);
  const id = crypto.randomUUID();
  return new Promise((resolve) => {
    const onMessage = (m) => {
      if (m?.type === "gloss:metrics:all" && m.id === id) {
        process.off("message", onMessage);
        resolve(m.list);
      }
    };
    process.on("message", onMessage);
    process.send({ type: "gloss:metrics:gather", id });
    setTimeout(() => {
      process.off("message", onMessage);
      resolve([own()]);
    }, timeoutMs + 200).unref();
  });
}

/** In a worker: answer the primary's requests for this process's counters. */
export function answerCounterRequests(own) {
  if (!cluster.isWorker) return;
  process.on("message", (m) => {
    if (m?.type === "gloss:metrics:ask") process.send({ type: "gloss:metrics:mine", id: m.id, counters: own() });
  });
}

/**
 * The cluster primary: runs `count` workers (this same script), replaces one that dies, relays
 * metrics requests, and on SIGTERM/SIGINT lets every worker drain (up to `drainMs`) and exits 0.
 */
export function runPrimary(count, { drainMs = 30_000, log = console.log } = {}) {
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < count; i++) fork();
  log(`[server] ${count} app processes (WEB_CONCURRENCY=${count})`);
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    log(`[server] app process ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(fork, 500);
  });
  // metrics: gather every worker's counters for the one that asked
  cluster.on("message", (from, m) => {
    if (m?.type !== "gloss:metrics:gather") return;
    const workers = Object.values(cluster.workers ?? {}).filter(Boolean);
    const list = [];
    const ask = crypto.randomUUID();
    const done = () => {
      cluster.off("message", collect);
      from.send({ type: "gloss:metrics:all", id: m.id, list });
    };
    const collect = (_w, r) => {
      if (r?.type === "gloss:metrics:mine" && r.id === ask) {
        list.push(r.counters);
        if (list.length === workers.length) {
          clearTimeout(timer);
          done();
        }
      }
    };
    cluster.on("message", collect);
    const timer = setTimeout(done, 1000);
    for (const w of workers) w.send({ type: "gloss:metrics:ask", id: ask });
  });
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log(`[server] ${signal}: letting the app processes finish their requests`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), drainMs + 5_000).unref();
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

// ---- the database going away ----

/**
 * `probe()` → is PostgreSQL answering? One short-lived connection (`timeoutMs`), its answer kept
 * for `cacheMs` so an outage's many failing requests ask once a second, not once each.
 */
export function databaseProbe(url, { timeoutMs = 1500, cacheMs = 1000, Client } = {}) {
  let last = null;
  let running = null;
  return async function probe() {
    if (last && Date.now() - last.at < cacheMs) return last.up;
    running ??= (async () => {
      const PgClient = Client ?? (await import("pg")).default.Client;
      const client = new PgClient({
        connectionString: url,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
      });
      client.on("error", () => {});
      let up = false;
      try {
        await client.connect();
        await client.query("SELECT 1");
        up = true;
      } catch {
        up = false;
      } finally {
        client.end().catch(() => {});
      }
      last = { up, at: Date.now() };
      running = null;
      return up;
    })();
    return running;
  };
}

/** Does this request want a page (not the API, a Next data request, a server action or a file)? */
export function wantsPage(method, url, headers) {
  if (method !== "GET" && method !== "HEAD" && method !== "POST") return false;
  if (/^\/(api|_next)\//.test(url) || headers.rsc || headers["next-action"] || /[?&]_rsc=/.test(url)) return false;
  return /text\/html|\*\/\*/.test(String(headers.accept ?? "*/*")) || !headers.accept;
}

/**
 * The "back in a moment" page for HTML requests while the database is away (API requests get JSON
 * 503 from lib/http/api.ts). Self-contained — no script, no stylesheet to fetch, the site's colours
 * in both schemes. It does not reload itself (a timed refresh fails WCAG 2.2.1, axe "meta-refresh"):
 * the reader follows "Try again now" after the `retryAfter` seconds it names.
 */
export function unavailablePage(retryAfter = 5) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Back in a moment</title>
<style>
:root { color-scheme: light dark; --fg: #18181b; --muted: #3f3f46; --bg: #fff; --line: #e4e4e7; --accent: #1e40af; }
@media (prefers-color-scheme: dark) { :root { --fg: #f4f4f5; --muted: #d4d4d8; --bg: #09090b; --line: #27272a; --accent: #93b4fd; } }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: var(--bg); color: var(--fg);
  font-family: ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; -webkit-font-smoothing: antialiased; }
main { max-width: 36rem; padding: 3rem 1.5rem; text-align: center; }
.code { margin: 0; font-size: .875rem; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--accent); }
h1 { margin: .5rem 0 0; font-size: 1.875rem; line-height: 1.2; letter-spacing: -.02em; }
p.lead { margin: 1rem 0 0; font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; font-size: 1.125rem; line-height: 1.7; color: var(--muted); }
.actions { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: 1.5rem; }
a { display: inline-block; border-radius: .375rem; padding: .5rem 1rem; font-size: .875rem; font-weight: 500; color: var(--bg); background: var(--fg); text-decoration: none; }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
</style>
</head>
<body>
<main>
<p class="code">503 · Temporarily unavailable</p>
<h1>Back in a moment</h1>
<p class="lead">We cannot reach our database just now, so this page cannot be shown. Nothing you wrote before this is lost. Please try again in ${retryAfter <= 10 ? "a few" : retryAfter} seconds.</p>
<div class="actions"><a href="">Try again now</a></div>
</main>
</body>
</html>
`;
}
