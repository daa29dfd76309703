import { openLiveStream } from "@/lib/live/open-live-stream";

export type SseEvent = { id: string | null; event: string; data: string; json?: { action?: string; id?: string } };

/** Splits Server-Sent Events text into events (comment lines skipped; an `id:`-only block kept, as EventSource keeps its id). */
export function parseSse(text: string): { events: SseEvent[]; rest: string; comments: string[] } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let buf = text.replace(/\r\n?/g, "\n");
  let i;
  while ((i = buf.indexOf("\n\n")) >= 0) {
    const block = buf.slice(0, i);
    buf = buf.slice(i + 2);
    const ev: SseEvent = { id: null, event: "message", data: "" };
    let fields = 0;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        comments.push(line);
        continue;
      }
      const k = line.indexOf(":");
      const f = k < 0 ? line : line.slice(0, k);
      const v = k < 0 ? "" : line.slice(k + 1).replace(/^ /, "");
      if (f === "id") {
        ev.id = v;
        fields++;
      } else if (f === "event") {
        ev.event = v;
        fields++;
      } else if (f === "data") {
        ev.data += (ev.data ? "\n" : "") + v;
        fields++;
      }
    }
    if (!fields || (!ev.data && !ev.id)) continue;
    try {
      ev.json = JSON.parse(ev.data);
    } catch {
      /* id-only */
    }
    events.push(ev);
  }
  return { events, rest: buf, comments };
}

/** Opens an article's stream in this process and collects what it sends. */
export async function collect(slug: string, lastEventId: string | null = null, groups?: ReadonlySet<string>) {
  const ac = new AbortController();
  const stream = await openLiveStream(slug, lastEventId, ac.signal, groups);
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let lastId: string | null = null;
  const reader = stream.getReader();
  const dec = new TextDecoder();
  let buf = "";
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const parsed = parseSse(buf + dec.decode(value, { stream: true }));
      buf = parsed.rest;
      comments.push(...parsed.comments);
      for (const e of parsed.events) {
        if (e.id) lastId = e.id;
        if (e.json && e.event !== "ready") events.push(e);
      }
    }
  })();
  return {
    events,
    comments,
    get lastId() {
      return lastId;
    },
    /** Waits for an event matching `pred` (null after `ms`). */
    async waitFor(pred: (e: SseEvent) => boolean, ms = 3000) {
      const end = Date.now() + ms;
      while (Date.now() < end) {
        const e = events.find(pred);
        if (e) return e;
        await new Promise((r) => setTimeout(r, 20));
      }
      return null;
    },
    async close() {
      ac.abort();
      await reader.cancel().catch(() => {});
      await pump.catch(() => {});
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
