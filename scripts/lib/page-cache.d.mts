export type Entry = {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
  at: number;
  stale?: boolean;
  /** Stale, and not only in its count (scripts/lib/assemble.mjs): assembled again, not recounted. */
  changed?: boolean;
  /** What an assembled page was made of (scripts/server.mjs). */
  assembly?: { sort: string; last: boolean; roots: Set<string> } & Record<string, unknown>;
  etag?: string;
  br?: Buffer;
  gzip?: Buffer;
  key?: string;
  bytes?: number;
};
export type RenderToken = {
  key: string;
  promise: Promise<Entry | null | typeof RETRY>;
  dropped: boolean;
  stale: boolean;
};
export const RETRY: unique symbol;
export function isNotePage(key: string): boolean;
export function untouched(entry: Entry, detail: string | null | undefined): boolean;
export function entryBytes(entry: Entry): number;
export class PageCache {
  constructor(options?: {
    maxEntries?: number;
    maxBytes?: number;
    maxSearchEntries?: number;
    maxSearchBytes?: number;
    maxNoteEntries?: number;
    maxNoteBytes?: number;
    ttlMs?: number;
    maxRenderMs?: number;
    now?: () => number;
  });
  stats: { hits: number; stale: number; coalesced: number; renders: number };
  lookup(key: string): { hit?: Entry; wait?: Promise<Entry | null | typeof RETRY>; render?: RenderToken };
  done(token: RenderToken, entry: Entry | null): void;
  grew(entry: Entry): void;
  invalidate(payload: string): void;
  abandon(token: RenderToken): void;
  peek(key: string): Entry | undefined;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}
export class StaticCache {
  constructor(options?: { maxEntries?: number; maxBytes?: number });
  static keyOf(url: string): string;
  lookup(url: string): Entry | undefined;
  keep(url: string, entry: Entry): void;
  grew(entry: Entry): void;
  map: Map<string, Entry>;
  bytes: number;
}
