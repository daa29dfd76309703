import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { displayParentsSql, type LiveAction, type LiveKind, liveChannel, replayWindowMs } from "./emit-live-events";

/**
 * An event as streams see it: `seq` is the log id (the SSE `id:`), monotonic across processes;
 * `parents` only on a reply's "created" (displayParentsSql: the branch it hangs in, nearest first).
 */
export type LiveEvent = {
  seq: bigint;
  articleId: string;
  kind: LiveKind;
  action: LiveAction;
  itemId: string;
  parents?: string[] | null;
  /** A group note's event: only streams of that group's members carry it. */
  groupId?: string | null;
};
type Listener = (e: LiveEvent) => void;
type Pinger = () => void;

const keepAliveMs = 25_000;

/**
 * The process's one LISTEN connection, shared by every open stream: streams subscribe by article
 * and the bus fans each NOTIFY out in memory. It connects on the first subscription, reconnects
 * with backoff when the connection drops, and on reconnecting replays from the log what was
 * NOTIFYed meanwhile (so a restart of PostgreSQL's connection loses nothing within the window).
 * One timer sends every stream its keep-alive.
 */
class LiveBus {
  private byArticle = new Map<string, Set<Listener>>();
  private pingers = new Set<Pinger>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private lastSeq = 0n;
  private delay = 500;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  /** Subscribes to one article's events; resolves once the LISTEN is in place. Returns the unsubscribe. */
  async subscribe(articleId: string, listener: Listener, ping: Pinger): Promise<() => void> {
    let set = this.byArticle.get(articleId);
    if (!set) this.byArticle.set(articleId, (set = new Set()));
    set.add(listener);
    this.pingers.add(ping);
    this.timer ??= setInterval(() => {
      for (const p of this.pingers) p();
    }, keepAliveMs);
    this.timer.unref?.();
    const off = () => {
      set.delete(listener);
      if (!set.size && this.byArticle.get(articleId) === set) this.byArticle.delete(articleId);
      this.pingers.delete(ping);
      if (!this.pingers.size && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
    try {
      await this.connect();
    } catch (e) {
      off();
      throw e;
    }
    return off;
  }

  /** Open streams in this process (for tests and the bench). */
  get size() {
    return this.pingers.size;
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: env().DATABASE_URL });
      client.on("error", (e) => console.error("[live] LISTEN connection error:", e.message));
      client.on("notification", (n) => {
        if (n.channel === liveChannel && n.payload) this.dispatchPayload(n.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN ${liveChannel}`);
      } catch (e) {
        client.end().catch(() => {});
        this.connecting = null;
        throw e;
      }
      client.on("end", () => {
        if (this.client !== client) return;
        this.client = null;
        if (this.closed) return;
        const retry = () =>
          this.connect()
            .then(() => this.catchUp())
            .catch(() => {
              this.delay = Math.min(this.delay * 2, 10_000);
              setTimeout(retry, this.delay).unref?.();
            });
        setTimeout(retry, this.delay).unref?.();
      });
      this.client = client;
      this.delay = 500;
      this.connecting = null;
    })();
    return this.connecting;
  }

  /** After a reconnect: what was logged while the connection was down. */
  private async catchUp() {
    if (!this.lastSeq) return;
    for (const e of await readEventsAfter(this.lastSeq, null)) this.dispatch(e);
  }

  private dispatchPayload(payload: string) {
    try {
      const p = JSON.parse(payload) as {
        n: string;
        a: string;
        k: LiveKind;
        x: LiveAction;
        i: string;
        p?: string[] | null;
        g?: string | null;
      };
      this.dispatch({
        seq: BigInt(p.n),
        articleId: p.a,
        kind: p.k,
        action: p.x,
        itemId: p.i,
        parents: p.p ?? null,
        groupId: p.g ?? null,
      });
    } catch (e) {
      console.error("[live] bad payload", e instanceof Error ? e.message : e);
    }
  }

  private dispatch(e: LiveEvent) {
    if (e.seq > this.lastSeq) this.lastSeq = e.seq;
    const set = this.byArticle.get(e.articleId);
    if (set) for (const l of set) l(e);
  }

  /** Ends the LISTEN connection (tests, shutdown). */
  async close() {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }
}

const g = globalThis as unknown as { glossLiveBus?: LiveBus };
/** The process's bus (one per process, whichever bundle asks). */
export function liveBus(): LiveBus {
  g.glossLiveBus ??= new LiveBus();
  return g.glossLiveBus;
}
export async function closeLiveBus() {
  const b = g.glossLiveBus;
  g.glossLiveBus = undefined;
  await b?.close();
}

/** Logged events after `seq` (of one article, or all), within the replay window, oldest first. */
export async function readEventsAfter(seq: bigint, articleId: string | null): Promise<LiveEvent[]> {
  const since = new Date(Date.now() - replayWindowMs);
  const rows = await db.$queryRaw<
    {
      id: bigint;
      articleId: string;
      kind: string;
      action: string;
      itemId: string;
      groupId: string | null;
      parents: string[] | null;
    }[]
  >`
    SELECT e.id, e."articleId", e.kind, e.action, e."itemId", e."groupId",
           CASE WHEN e.kind = 'comment' AND e.action = 'created' THEN ${displayParentsSql(Prisma.sql`e."itemId"`)} END AS parents
    FROM "LiveEvent" e
    WHERE e.id > ${seq} AND e."createdAt" >= ${since.toISOString()}::timestamp ${articleId ? Prisma.sql`AND e."articleId" = ${articleId}` : Prisma.empty}
    ORDER BY e.id ASC LIMIT 1000`;
  return rows.map((r) => ({
    seq: r.id,
    articleId: r.articleId,
    kind: r.kind as LiveKind,
    action: r.action as LiveAction,
    itemId: r.itemId,
    parents: r.parents,
    groupId: r.groupId,
  }));
}

/** The newest log id (what a fresh stream starts after). */
export async function latestSeq(): Promise<bigint> {
  const row = await db.liveEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}
