export type RouteHistogram = { buckets: number[]; count: number; sum: number };
export type Counters = {
  requests: Record<string, number>;
  durationBuckets: number[];
  durationCount: number;
  durationSum: number;
  cache: Record<string, number>;
  gauges: Record<string, number>;
  routes: Record<string, number>;
  routeDurations: Record<string, RouteHistogram>;
  processes?: number;
};
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustProxy: number,
): string;
export function clientProto(
  encrypted: boolean,
  forwardedProto: string | undefined,
  trustProxy: number,
): "http" | "https";
export function requestId(incoming: unknown): string;
export function createLogger(
  format: "json" | "text",
  options?: { write?: (line: string) => void; pid?: number },
): {
  json: boolean;
  request(r: {
    method?: string;
    url?: string;
    status: number;
    durationMs: number;
    requestId?: string;
    cache?: string;
    ip?: string;
  }): void;
  captureConsole(target?: Pick<Console, "error" | "warn" | "log" | "info">): void;
};
export function newCounters(): Counters;
export function countRequest(
  counters: Counters,
  r: { method?: string; status: number; durationMs: number; route?: string | null },
): void;
export function routeLabeller(
  manifest: {
    staticRoutes?: { page: string; regex: string }[];
    dynamicRoutes?: { page: string; regex: string }[];
  } | null,
): (url: string | undefined) => string;
export function sumCounters(list: Counters[]): Counters;
export function renderMetrics(c: Counters): string;
export function tokenMatches(header: unknown, token: string | null): boolean;
export function allCounters(own: () => Counters, options?: { timeoutMs?: number }): Promise<Counters[]>;
export function answerCounterRequests(own: () => Counters): void;
export function runPrimary(count: number, options?: { drainMs?: number; log?: (s: string) => void }): void;
export function databaseProbe(
  url: string,
  options?: { timeoutMs?: number; cacheMs?: number; Client?: unknown },
): () => Promise<boolean>;
export function wantsPage(
  method: string | undefined,
  url: string,
  headers: Record<string, string | string[] | undefined>,
): boolean;
export function unavailablePage(retryAfter?: number): string;
