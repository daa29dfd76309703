import { describe, expect, it } from "vitest";
import { clientAddress, clientProto, countRequest, createLogger, newCounters, renderMetrics, requestId, sumCounters, tokenMatches } from "./service.mjs";

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
    expect(o).toMatchObject({ level: "info", msg: "request", method: "GET", path: "/articles/a", status: 200, durationMs: 12.3, requestId: "r1", pid: 1 });
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
    createLogger("text", { write: (l) => lines.push(l) }).request({ method: "GET", url: "/", status: 200, durationMs: 1 });
    expect(lines).toEqual([]);
  });
});

describe("metrics", () => {
  it("sums processes and renders the Prometheus text format", () => {
    const a = newCounters(), b = newCounters();
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
