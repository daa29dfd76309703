export type Counters = { requests: Record<string, number>; durationBuckets: number[]; durationCount: number; durationSum: number; cache: Record<string, number>; gauges: Record<string, number>; processes?: number };
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trustProxy: number): string;
export function clientProto(encrypted: boolean, forwardedProto: string | undefined, trustProxy: number): "http" | "https";
export function requestId(incoming: unknown): string;
export function createLogger(format: "json" | "text", options?: { write?: (line: string) => void; pid?: number }): {
  json: boolean;
  request(r: { method?: string; url?: string; status: number; durationMs: number; requestId?: string; cache?: string }): void;
  captureConsole(target?: Pick<Console, "error" | "warn" | "log" | "info">): void;
};
export function newCounters(): Counters;
export function countRequest(counters: Counters, r: { method?: string; status: number; durationMs: number }): void;
export function sumCounters(list: Counters[]): Counters;
export function renderMetrics(c: Counters): string;
export function tokenMatches(header: unknown, token: string | null): boolean;
export function allCounters(own: () => Counters, options?: { timeoutMs?: number }): Promise<Counters[]>;
export function answerCounterRequests(own: () => Counters): void;
export function runPrimary(count: number, options?: { drainMs?: number; log?: (s: string) => void }): void;
