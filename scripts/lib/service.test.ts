import { describe, expect, it } from "vitest";
import {
  clientAddress,
  clientProto,
  countRequest,
  createLogger,
  databaseProbe,
  newCounters,
  renderMetrics,
  requestId,
  routeLabeller,
  sumCounters,
  tokenMatches,
  unavailablePage,
  wantsPage,
} from "./service.mjs";

describe("client address behind proxies", () => {
  it("is the socket's without trusted proxies, whatever X-Forwarded-For says", () => {
    expect(clientAddress("10.0.0.5", "203.0.113.7", 0)).toBe("10.0.0.5");
  });
  it("is the address the trusted proxy saw: the N-th from the right, never one the client wrote", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.7", 1)).toBe("203.0.113.7");
    // the client forged a first entry; nginx appended the real one
    expect(clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", ["1.2.3.4", "2001:db8::1"], 1)).toBe("2001:db8::1");
  });
  it("falls back to the socket on a missing or malformed header", () => {
    expect(clientAddress("127.0.0.1", undefined, 1)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "<script>", 1)).toBe("127.0.0.1");
  });
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(clientProto(false, "https", 0)).toBe("http");
    expect(clientProto(false, "https", 1)).toBe("https");
    expect(clientProto(true, undefined, 0)).toBe("https");
  });
});

describe("request ids", () => {
  it("keeps a sane incoming id and replaces anything else", () => {
    expect(requestId("harness-123")).toBe("harness-123");
    expect(requestId("a".repeat(129))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId("bad id\nwith newline")).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(undefined)).not.toBe(requestId(undefined));
  });
});

describe("JSON logs", () => {
  it("writes one JSON object per request with its id and status, without the query string", () => {
    const lines: string[] = [];
    const log = createLogger("json", { write: (l) => lines.push(l), pid: 1 });
    log.request({ method: "GET", url: "/articles/a?token=secret", status: 200, durationMs: 12.34, requestId: "r1" });
    const o = JSON.parse(lines[0]);
    expect(o).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/articles/a",
      status: 200,
      durationMs: 12.3,
      requestId: "r1",
      pid: 1,
    });
    expect(lines[0]).not.toContain("secret");
  });
  it("turns console errors into JSON lines with the stack", () => {
    const lines: string[] = [];
    const noop = (..._args: unknown[]) => {};
    const target = { error: noop, warn: noop, log: noop, info: noop };
    createLogger("json", { write: (l) => lines.push(l) }).captureConsole(target);
    target.error("[api] unexpected error", new Error("boom"));
    const o = JSON.parse(lines[0]);
    expect(o.level).toBe("error");
    expect(o.msg).toBe("[api] unexpected error boom");
    expect(o.stack).toContain("Error: boom");
  });
  it("logs no requests in text format", () => {
    const lines: string[] = [];
    createLogger("text", { write: (l) => lines.push(l) }).request({
      method: "GET",
      url: "/",
      status: 200,
      durationMs: 1,
    });
    expect(lines).toEqual([]);
  });
});

describe("metrics", () => {
  it("sums processes and renders the Prometheus text format", () => {
    const a = newCounters(),
      b = newCounters();
    countRequest(a, { method: "GET", status: 200, durationMs: 3 });
    countRequest(b, { method: "GET", status: 204, durationMs: 300 });
    countRequest(b, { method: "POST", status: 503, durationMs: 2000 });
    a.cache = { hits: 5 };
    b.cache = { hits: 2 };
    a.gauges = { page_cache_entries: 3 };
    b.gauges = { page_cache_entries: 4 };
    const text = renderMetrics(sumCounters([a, b]));
    expect(text).toContain("# TYPE gloss_http_requests_total counter");
    expect(text).toContain('gloss_http_requests_total{method="GET",status="2xx"} 2');
    expect(text).toContain('gloss_http_requests_total{method="POST",status="5xx"} 1');
    expect(text).toContain("# TYPE gloss_http_request_duration_seconds histogram");
    expect(text).toContain('gloss_http_request_duration_seconds_bucket{le="0.005"} 1');
    expect(text).toContain('gloss_http_request_duration_seconds_bucket{le="0.5"} 2');
    expect(text).toContain('gloss_http_request_duration_seconds_bucket{le="+Inf"} 3');
    expect(text).toContain("gloss_http_request_duration_seconds_count 3");
    expect(text).toContain('gloss_page_cache_events_total{event="hits"} 7');
    expect(text).toContain("gloss_page_cache_entries 7");
    expect(text).toContain("gloss_processes 2");
  });
  it("checks the bearer token", () => {
    expect(tokenMatches("Bearer harness-metrics-token", "harness-metrics-token")).toBe(true);
    expect(tokenMatches("Bearer wrong", "harness-metrics-token")).toBe(false);
    expect(tokenMatches(undefined, "harness-metrics-token")).toBe(false);
    expect(tokenMatches("Bearer x", null)).toBe(false);
  });
});

describe("metrics by route", () => {
  // The shape of Next's .next/routes-manifest.json (static routes first, then dynamic ones by specificity).
  const manifest = {
    staticRoutes: [
      { page: "/", regex: "^/(?:/)?$" },
      { page: "/api/health", regex: "^/api/health(?:/)?$" },
    ],
    dynamicRoutes: [
      { page: "/articles/[slug]", regex: "^/articles/([^/]+?)(?:/)?$" },
      { page: "/articles/[slug]/comments/[id]", regex: "^/articles/([^/]+?)/comments/([^/]+?)(?:/)?$" },
    ],
  };
  it("labels a path with the Next route pattern it matches, so the label set stays bounded", () => {
    const routeOf = routeLabeller(manifest);
    expect(routeOf("/")).toBe("/");
    expect(routeOf("/articles/one?x=1")).toBe("/articles/[slug]");
    expect(routeOf("/articles/two")).toBe("/articles/[slug]");
    expect(routeOf("/articles/two/comments/c1")).toBe("/articles/[slug]/comments/[id]");
    expect(routeOf("/_next/static/chunks/abc.js")).toBe("/_next/static");
    expect(routeOf("/wp-login.php")).toBe("(unmatched)");
    const labels = new Set(
      Array.from({ length: 500 }, (_, i) => routeOf(`/${i % 2 ? "articles" : "x"}/${i}-${Math.random()}`)),
    );
    expect([...labels].sort()).toEqual(["(unmatched)", "/articles/[slug]"]);
    expect(routeLabeller(null)("/articles/x")).toBe("(unmatched)");
  });
  it("counts requests by method, route and status code, and times them by route, summed over processes", () => {
    const a = newCounters(),
      b = newCounters();
    countRequest(a, { method: "GET", status: 200, durationMs: 3, route: "/articles/[slug]" });
    countRequest(b, { method: "GET", status: 200, durationMs: 30, route: "/articles/[slug]" });
    countRequest(b, { method: "POST", status: 201, durationMs: 20, route: "/api/articles/[slug]/comments" });
    countRequest(b, { method: "GET", status: 404, durationMs: 1, route: 'odd"route' });
    const text = renderMetrics(sumCounters([a, b]));
    expect(text).toContain("# TYPE gloss_http_requests_by_route_total counter");
    expect(text).toContain('gloss_http_requests_by_route_total{method="GET",route="/articles/[slug]",status="200"} 2');
    expect(text).toContain(
      'gloss_http_requests_by_route_total{method="POST",route="/api/articles/[slug]/comments",status="201"} 1',
    );
    expect(text).toContain('gloss_http_requests_by_route_total{method="GET",route="odd\\"route",status="404"} 1');
    expect(text).toContain("# TYPE gloss_http_route_duration_seconds histogram");
    expect(text).toContain('gloss_http_route_duration_seconds_bucket{route="/articles/[slug]",le="0.005"} 1');
    expect(text).toContain('gloss_http_route_duration_seconds_bucket{route="/articles/[slug]",le="0.05"} 2');
    expect(text).toContain('gloss_http_route_duration_seconds_count{route="/articles/[slug]"} 2');
    // The older series by status class stay as they were.
    expect(text).toContain('gloss_http_requests_total{method="GET",status="2xx"} 2');
  });
});

describe("the database going away", () => {
  it("asks for a page only for HTML requests, never for the API, Next's data requests or files", () => {
    expect(wantsPage("GET", "/articles/x", { accept: "text/html,application/xhtml+xml" })).toBe(true);
    expect(wantsPage("GET", "/", {})).toBe(true);
    expect(wantsPage("GET", "/api/articles", { accept: "text/html" })).toBe(false);
    expect(wantsPage("GET", "/articles/x", { accept: "application/json" })).toBe(false);
    expect(wantsPage("GET", "/articles/x", { accept: "text/html", rsc: "1" })).toBe(false);
    expect(wantsPage("GET", "/articles/x?_rsc=abc", { accept: "*/*" })).toBe(false);
    expect(wantsPage("POST", "/studio", { accept: "text/html", "next-action": "abc" })).toBe(false);
    expect(wantsPage("GET", "/_next/static/chunks/a.js", { accept: "*/*" })).toBe(false);
  });
  it("has a self-contained 'back in a moment' page: no script, no timed refresh, says nothing internal", () => {
    const html = unavailablePage(5);
    expect(html).toMatch(/<h1>Back in a moment<\/h1>/);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).not.toMatch(/http-equiv="refresh"/i); // WCAG 2.2.1 (axe: meta-refresh)
    expect(html).toMatch(/<a href="">Try again now<\/a>/);
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).not.toMatch(/postgres|prisma|ECONN/i);
  });
  it("probes the database once per second at most, and says down when nothing answers", async () => {
    let connects = 0;
    class Refused {
      on() {}
      async connect() {
        connects++;
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      }
      async query() {}
      async end() {}
    }
    class Up {
      on() {}
      async connect() {
        connects++;
      }
      async query() {
        return { rows: [{}] };
      }
      async end() {}
    }
    const down = databaseProbe("postgresql://x", { Client: Refused, cacheMs: 1000 });
    expect(await Promise.all([down(), down(), down()])).toEqual([false, false, false]);
    expect(await down()).toBe(false);
    expect(connects).toBe(1);
    const up = databaseProbe("postgresql://x", { Client: Up, cacheMs: 0 });
    expect(await up()).toBe(true);
  });
  it("gives up on a database that accepts no connection within the timeout", async () => {
    const net = await import("node:net");
    const silent = net.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    const port = (silent.address() as { port: number }).port;
    const t0 = Date.now();
    expect(await databaseProbe(`postgresql://x@127.0.0.1:${port}/db`, { timeoutMs: 300 })()).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2000);
    silent.close();
  });
});
