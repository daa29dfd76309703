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
    .split(",").map((s) => s.trim()).filter(Boolean);
  const picked = list.length >= trustProxy ? list[list.length - trustProxy] : list[0];
  return picked && /^[0-9a-fA-F:.]{2,45}$/.test(picked) ? picked : socket;
}

/** The scheme the client used: X-Forwarded-Proto only from a trusted proxy. */
export function clientProto(encrypted, forwardedProto, trustProxy) {
  if (trustProxy && forwardedProto) {
    const last = String(forwardedProto).split(",").map((s) => s.trim()).filter(Boolean).at(-1);
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
 * path without its query, status, duration, request id) and console errors (message and stack);
 * `text` keeps console output as it is and logs no requests.
 */
export function createLogger(format, { write = (line) => process.stdout.write(line + "\n"), pid = process.pid } = {}) {
  const json = format === "json";
  const emit = (level, fields) => write(JSON.stringify({ time: new Date().toISOString(), level, pid, ...fields }));
  return {
    json,
    request({ method, url, status, durationMs, requestId: id, cache }) {
      if (!json) return;
      emit(status >= 500 ? "error" : "info", { msg: "request", method, path: String(url ?? "").split("?")[0], status, durationMs: Math.round(durationMs * 10) / 10, requestId: id, ...(cache ? { cache } : {}) });
    },
    /** Routes console.error / console.warn / console.log through JSON lines. */
    captureConsole(target = console) {
      if (!json) return;
      for (const [method, level] of [["error", "error"], ["warn", "warn"], ["log", "info"], ["info", "info"]]) {
        target[method] = (...args) => {
          const error = args.find((a) => a instanceof Error);
          emit(level, { msg: util.format(...args.map((a) => (a instanceof Error ? a.message : a))), ...(error ? { stack: error.stack } : {}) });
        };
      }
    },
  };
}

// ---- metrics ----
const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counters of one process, as a plain object (so processes can send them to each other). */
export function newCounters() {
  return { requests: {}, durationBuckets: buckets.map(() => 0), durationCount: 0, durationSum: 0, cache: {}, gauges: {} };
}

export function countRequest(counters, { method, status, durationMs }) {
  const key = `${method}|${Math.floor(status / 100)}xx`;
  counters.requests[key] = (counters.requests[key] ?? 0) + 1;
  const seconds = durationMs / 1000;
  buckets.forEach((b, i) => { if (seconds <= b) counters.durationBuckets[i]++; });
  counters.durationCount++;
  counters.durationSum += seconds;
}

/** Sums the counters of several processes (gauges too: entries and bytes add up across processes). */
export function sumCounters(list) {
  const out = newCounters();
  for (const c of list) {
    for (const [k, v] of Object.entries(c.requests)) out.requests[k] = (out.requests[k] ?? 0) + v;
    c.durationBuckets.forEach((v, i) => { out.durationBuckets[i] += v; });
    out.durationCount += c.durationCount;
    out.durationSum += c.durationSum;
    for (const [k, v] of Object.entries(c.cache)) out.cache[k] = (out.cache[k] ?? 0) + v;
    for (const [k, v] of Object.entries(c.gauges)) out.gauges[k] = (out.gauges[k] ?? 0) + v;
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
  metric("gloss_http_requests_total", "counter", "HTTP requests answered, by method and status class.",
    Object.entries(c.requests).map(([k, v]) => { const [method, status] = k.split("|"); return [`{method="${method}",status="${status}"}`, v]; }));
  // Histogram buckets are cumulative (countRequest adds a request to every bucket it fits in).
  lines.push("# HELP gloss_http_request_duration_seconds Time to answer a request.", "# TYPE gloss_http_request_duration_seconds histogram");
  buckets.forEach((b, i) => lines.push(`gloss_http_request_duration_seconds_bucket{le="${b}"} ${c.durationBuckets[i]}`));
  lines.push(`gloss_http_request_duration_seconds_bucket{le="+Inf"} ${c.durationCount}`);
  lines.push(`gloss_http_request_duration_seconds_sum ${c.durationSum}`, `gloss_http_request_duration_seconds_count ${c.durationCount}`);
  metric("gloss_page_cache_events_total", "counter", "Whole-page cache: hits, stale pages served while a render ran, requests that waited for a render, renders.",
    Object.entries(c.cache).map(([k, v]) => [`{event="${k}"}`, v]));
  for (const [k, v] of Object.entries(c.gauges)) metric(`gloss_${k}`, "gauge", gaugeHelp[k] ?? k.replace(/_/g, " "), [["", v]]);
  metric("gloss_processes", "gauge", "App processes whose figures are summed here.", [["", c.processes ?? 1]]);
  return lines.join("\n") + "\n";
}

const gaugeHelp = {
  page_cache_entries: "Pages in the whole-page cache.",
  page_cache_bytes: "Bytes held by the whole-page cache, compressed copies included.",
  process_resident_memory_bytes: "Resident memory of the app processes.",
  nodejs_heap_used_bytes: "V8 heap in use.",
  http_open_connections: "Open client connections.",
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
    const onMessage = (m) => { if (m?.type === "gloss:metrics:all" && m.id === id) { process.off("message", onMessage); resolve(m.list); } };
    process.on("message", onMessage);
    process.send({ type: "gloss:metrics:gather", id });
    setTimeout(() => { process.off("message", onMessage); resolve([own()]); }, timeoutMs + 200).unref();
  });
}

/** In a worker: answer the primary's requests for this process's counters. */
export function answerCounterRequests(own) {
  if (!cluster.isWorker) return;
  process.on("message", (m) => { if (m?.type === "gloss:metrics:ask") process.send({ type: "gloss:metrics:mine", id: m.id, counters: own() }); });
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
    const done = () => { cluster.off("message", collect); from.send({ type: "gloss:metrics:all", id: m.id, list }); };
    const collect = (_w, r) => { if (r?.type === "gloss:metrics:mine" && r.id === ask) { list.push(r.counters); if (list.length === workers.length) { clearTimeout(timer); done(); } } };
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
