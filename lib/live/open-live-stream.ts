import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type LiveEvent, latestSeq, liveBus, readEventsAfter } from "./live-bus";

const encoder = new TextEncoder();
// A reply's "created" also names the branch it hangs in (ids: `parents`, nearest first), so a page
// showing that branch in part can count it in "N more replies" (components/live/live-client.tsx).
const frame = (e: LiveEvent) =>
  encoder.encode(
    `id: ${e.seq}\nevent: ${e.kind}\ndata: ${JSON.stringify({ action: e.action, id: e.itemId, ...(e.parents?.length ? { parents: e.parents } : {}) })}\n\n`,
  );
const keepAlive = encoder.encode(": keep-alive\n\n");

/** `Last-Event-ID` as a log id, or null when absent or not one of ours (then nothing is replayed). */
export function parseLastEventId(raw: string | null | undefined): bigint | null {
  return raw && /^\d{1,18}$/.test(raw.trim()) ? BigInt(raw.trim()) : null;
}

/**
 * The article's Server-Sent Events stream (CONTRACT.md "Live updates"). It subscribes to the
 * process's bus before reading the log, so nothing falls between the replay and the live events;
 * what arrives during the replay waits and is sent once, in order. A fresh stream starts with a `ready`
 * event whose `id:` is the newest log id, so a client that drops before any change still resumes
 * from there (browsers' EventSource and the page's own reconnect both use it). `groups`: the ids of
 * the groups whose notes' events this stream carries (the viewer's, lib/groups/live-groups-of.ts). No database connection is held while the stream is open.
 */
export async function openLiveStream(
  slug: string,
  lastEventId: string | null,
  signal?: AbortSignal,
  groups: ReadonlySet<string> = new Set(),
): Promise<ReadableStream<Uint8Array>> {
  // Group notes' events (issue 19) reach only the streams of that group's members, as they were
  // when the stream opened (ids only: a member removed meanwhile fetches nothing with them).
  const carries = (e: LiveEvent) => !e.groupId || groups.has(e.groupId);
  const article = /^[a-z0-9-]{1,120}$/.test(slug)
    ? await db.article.findFirst({
        where: { slug, status: "published", publishedAt: { lte: clock.now() } },
        select: { id: true },
      })
    : null;
  if (!article) throw new AppError("not_found", "No published article has that address.");
  const after = parseLastEventId(lastEventId);

  let off: (() => void) | null = null;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let done = false;
  const close = () => {
    if (done) return;
    done = true;
    off?.();
    try {
      controller.close();
    } catch {
      /* already closed */
    }
  };
  const write = (bytes: Uint8Array) => {
    if (done) return;
    try {
      controller.enqueue(bytes);
    } catch {
      close();
    }
  };
  let pending: LiveEvent[] | null = [];
  const onEvent = (e: LiveEvent) => {
    if (!carries(e)) return;
    if (pending) pending.push(e);
    else write(frame(e));
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      close();
    },
  });
  signal?.addEventListener("abort", close, { once: true });
  write(encoder.encode("retry: 2000\n\n"));
  off = await liveBus().subscribe(article.id, onEvent, () => write(keepAlive));
  if (done) off();

  const sent = new Set<bigint>();
  if (after !== null) {
    for (const e of await readEventsAfter(after, article.id)) {
      if (!carries(e)) continue;
      sent.add(e.seq);
      write(frame(e));
    }
  } else {
    write(encoder.encode(`id: ${await latestSeq()}\nevent: ready\ndata: {}\n\n`));
  }
  const queued = pending;
  pending = null;
  for (const e of queued) if (!sent.has(e.seq)) write(frame(e));
  return stream;
}
